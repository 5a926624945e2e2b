/** A plugin jar whose encoder reuses the name of the test plugin's encoder. */
module org.scale4j.testplugin.dup {
    requires org.scale4j.api;
    provides org.scale4j.api.model.EncoderProvider with org.scale4j.testplugin.dup.DuplicateEncoderProvider;
}
