package org.example.missing;

/** A class, so that the package exists. */
public final class Missing {
}
