/** A plugin jar that forgets to open its config package to org.scale4j.api. */
module org.scale4j.testplugin.closed {
    requires org.scale4j.api;
    provides org.scale4j.api.model.HarmonizerProvider with org.scale4j.testplugin.closed.ClosedHarmonizerProvider;
}
