package id.pantau.web.site;

/** A network link cameras reach the recorder through (fiber, radio, LTE), with an optional probe target. */
public record Link(String id, String name, String kind, String vendor, Integer capacityMbps, String probeTarget) {}
