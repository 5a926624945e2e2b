/** scale4j objectives plugins, discovered through ServiceLoader. Exports nothing. */
module org.scale4j.objectives {
    requires org.scale4j.api;
}
