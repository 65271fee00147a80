package id.pantau.web.motion;

/** Published after a camera's motion settings were saved, so the analysers pick them up. */
record MotionSettingsChanged(String cameraId) {}
