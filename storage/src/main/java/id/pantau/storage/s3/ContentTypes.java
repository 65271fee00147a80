package id.pantau.storage.s3;

import java.util.Locale;
import java.util.Map;

/** Content-Type for an object key by its extension, so browsers can use presigned URLs directly. */
final class ContentTypes {

    private static final Map<String, String> BY_EXTENSION = Map.of(
            "mp4", "video/mp4",
            "m4s", "video/iso.segment",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "png", "image/png",
            "json", "application/json",
            "zip", "application/zip");

    private ContentTypes() {
    }

    static String forKey(String key) {
        int dot = key.lastIndexOf('.');
        int slash = key.lastIndexOf('/');
        if (dot <= slash + 1 || dot == key.length() - 1) {
            return "application/octet-stream";
        }
        return BY_EXTENSION.getOrDefault(key.substring(dot + 1).toLowerCase(Locale.ROOT), "application/octet-stream");
    }
}
