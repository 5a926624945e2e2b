/** scale4j encoders plugins, discovered through ServiceLoader. Exports nothing. */
module org.scale4j.encoders {
    requires org.scale4j.api;
}
