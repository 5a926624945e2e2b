/** A plugin jar that needs a module scale4j does not have (compiled against missingdep, shipped without it). */
module org.scale4j.testplugin.broken {
    requires org.scale4j.api;
    requires org.example.missing;
}
