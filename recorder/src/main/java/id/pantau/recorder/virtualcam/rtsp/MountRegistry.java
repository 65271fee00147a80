package id.pantau.recorder.virtualcam.rtsp;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Mounts by path, and the mapping from request URIs (absolute or not, with or without a track suffix) to them. */
public final class MountRegistry {

    private final Map<String, Mount> mounts = new ConcurrentHashMap<>();

    public void add(Mount mount) {
        if (mounts.putIfAbsent(mount.path(), mount) != null) {
            throw new IllegalArgumentException("Path already mounted: " + mount.path());
        }
    }

    public Mount get(String path) {
        return mounts.get(normalize(path));
    }

    public int size() {
        return mounts.size();
    }

    /** The mount a request URI names, also for track URIs such as {@code rtsp://host/cam1/main/trackID=0}. */
    public Mount resolve(String uri) {
        String path = pathOf(uri);
        Mount mount = mounts.get(path);
        if (mount == null) {
            int slash = path.lastIndexOf('/');
            if (slash > 0 && path.substring(slash + 1).toLowerCase(Locale.ROOT).startsWith("trackid=")) {
                mount = mounts.get(path.substring(0, slash));
            }
        }
        return mount;
    }

    /** Mount path of a request URI: no scheme, authority, query, leading or trailing slash. */
    public static String pathOf(String uri) {
        String path = uri;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : path.substring(slash);
        }
        int query = path.indexOf('?');
        if (query >= 0) {
            path = path.substring(0, query);
        }
        return normalize(path);
    }

    public static String normalize(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }
}
