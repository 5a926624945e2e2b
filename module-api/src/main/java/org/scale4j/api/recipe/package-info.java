/**
 * The typed recipe: {@link org.scale4j.api.recipe.Recipe} and its sections, immutable records
 * bound from YAML by {@link org.scale4j.api.config.RecordBinder}. Plugin sections are
 * {@link org.scale4j.api.plugin.Configured} values: the chosen provider with its bound config.
 * Every key is documented with {@link org.scale4j.api.config.Doc}; the JSON Schema and the recipe
 * reference are generated from these records.
 */
package org.scale4j.api.recipe;
