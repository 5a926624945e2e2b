/** Recipe configuration records of fusions and harmonizers; opened to the api's recipe binder only. */
package org.scale4j.fusion.config;
