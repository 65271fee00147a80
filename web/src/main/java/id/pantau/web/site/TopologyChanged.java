package id.pantau.web.site;

/** Published after sites, links or camera assignments changed, so health re-reads the network. */
public record TopologyChanged(String what) {}
