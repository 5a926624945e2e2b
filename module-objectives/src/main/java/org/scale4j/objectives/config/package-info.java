/** Recipe configuration records of the objectives ({@code objectives[]}); opened to the api's recipe binder only. */
package org.scale4j.objectives.config;
