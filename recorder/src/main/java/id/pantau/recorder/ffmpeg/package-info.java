/** Small helpers around JavaCV's FFmpeg presets: error text, deadlines for blocking calls, log redirection. */
package id.pantau.recorder.ffmpeg;
