/** Only on the compile module path of brokenplugin; never next to it at run time. */
module org.example.missing {
    exports org.example.missing;
}
