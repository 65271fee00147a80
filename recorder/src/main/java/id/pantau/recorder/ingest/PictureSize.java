package id.pantau.recorder.ingest;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_HEVC;
import static org.bytedeco.ffmpeg.global.avcodec.AV_INPUT_BUFFER_PADDING_SIZE;
import static org.bytedeco.ffmpeg.avcodec.AVCodecParserContext.PARSER_FLAG_COMPLETE_FRAMES;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_close;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_init;
import static org.bytedeco.ffmpeg.global.avcodec.av_parser_parse2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;

import id.pantau.recorder.segment.VideoCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParserContext;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/** Reads the picture size from a keyframe's in-band SPS with FFmpeg's bitstream parser (no decoding). */
final class PictureSize {

    private PictureSize() {
    }

    /** {width, height}, or {0, 0} if the access unit does not say. */
    static int[] of(VideoCodec codec, byte[] accessUnit) {
        AVCodecParserContext parser = av_parser_init(codec == VideoCodec.H264 ? AV_CODEC_ID_H264 : AV_CODEC_ID_HEVC);
        AVCodecContext context = avcodec_alloc_context3((AVCodec) null);
        try (BytePointer input = new BytePointer(accessUnit.length + AV_INPUT_BUFFER_PADDING_SIZE);
             PointerPointer<BytePointer> output = new PointerPointer<>(1);
             IntPointer outputSize = new IntPointer(1)) {
            input.put(accessUnit);
            parser.flags(parser.flags() | PARSER_FLAG_COMPLETE_FRAMES);
            av_parser_parse2(parser, context, output, outputSize, input, accessUnit.length,
                    AV_NOPTS_VALUE, AV_NOPTS_VALUE, 0);
            int width = parser.width() > 0 ? parser.width() : context.width();
            int height = parser.height() > 0 ? parser.height() : context.height();
            return new int[] {Math.max(width, 0), Math.max(height, 0)};
        } finally {
            av_parser_close(parser);
            avcodec_free_context(context);
        }
    }
}
