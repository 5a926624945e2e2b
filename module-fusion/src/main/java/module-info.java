/** scale4j fusion plugins, discovered through ServiceLoader. Exports nothing. */
module org.scale4j.fusion {
    requires org.scale4j.api;
}
