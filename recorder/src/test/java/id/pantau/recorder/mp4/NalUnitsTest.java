package id.pantau.recorder.mp4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NalUnitsTest {

    static Stream<Arguments> startCodes() {
        return Stream.of(
                Arguments.of("", 0, -1),
                Arguments.of("0000", 0, -1),
                Arguments.of("000001", 0, 0),
                Arguments.of("00000001", 0, 0),
                Arguments.of("0000000001", 0, 1),
                Arguments.of("ff000001", 0, 1),
                Arguments.of("000001", 1, -1),
                Arguments.of("0000010000", 1, -1),
                // start code straddling an eight-byte word
                Arguments.of("11223344556600000165", 0, 6),
                Arguments.of("112233445566770000000165", 0, 7),
                // a zero late in the word that starts nothing, then one that does
                Arguments.of("1122334455660011223344000001", 0, 11),
                // 00 00 02 and 00 00 00 00 02 are not start codes
                Arguments.of("11223344000002556677000000000288", 0, -1),
                // only at the very end
                Arguments.of("1122334455667788990000000001", 0, 10),
                Arguments.of("11223344556677889900000001", 0, 9),
                Arguments.of("112233445566778899aabb0000", 0, -1));
    }

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("00000001" + "65aa", new int[] {0}, true),
                Arguments.of("00000001" + "6742" + "00000001" + "68" + "00000001" + "65aabb", new int[] {0, 6, 11}, true),
                Arguments.of("00000001" + "65aa", null, false),
                Arguments.of("00000001" + "65aa", new int[0], false),
                // the first NAL unit must begin the access unit
                Arguments.of("ff00000001" + "65aa", new int[] {1}, false),
                // a 3-byte start code cannot be overwritten by a 4-byte length
                Arguments.of("000001" + "65aa", new int[] {0}, false),
                // a NAL unit of no bytes, an offset past the end, offsets out of order
                Arguments.of("00000001" + "00000001" + "65", new int[] {0, 4}, false),
                Arguments.of("00000001" + "65aa", new int[] {0, 9}, false),
                Arguments.of("00000001" + "6742" + "00000001" + "65", new int[] {6, 0}, false),
                // an offset that is not at a start code
                Arguments.of("00000001" + "6742" + "00000001" + "65aa", new int[] {0, 5}, false));
    }

    @ParameterizedTest(name = "{0} at {1} -> {2}")
    @MethodSource("layouts")
    void trustsNalStartsOnlyWhereTheyPointAtFourByteStartCodes(String hex, int[] starts, boolean expected) {
        assertEquals(expected, NalUnits.atFourByteStartCodes(HexFormat.of().parseHex(hex), starts) != null);
    }

    @ParameterizedTest(name = "{0} from {1} -> {2}")
    @MethodSource("startCodes")
    void findsTheNextStartCode(String hex, int from, int expected) {
        assertEquals(expected, NalUnits.nextStartCode(HexFormat.of().parseHex(hex), from));
    }

    @Test
    void wordScanAgreesWithAByteByByteScanOnRandomData() {
        Random random = new Random(42);
        for (int round = 0; round < 20_000; round++) {
            byte[] b = new byte[random.nextInt(40)];
            for (int i = 0; i < b.length; i++) {
                // mostly 0, 1 and a few others, so that start codes and near misses are common
                int r = random.nextInt(8);
                b[i] = (byte) (r < 4 ? 0 : r < 6 ? 1 : random.nextInt(256));
            }
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            assertEquals(byteByByte(b, from), NalUnits.nextStartCode(b, from), () -> HexFormat.of().formatHex(b)
                    + " from " + from);
        }
    }

    @Test
    void splitsAnnexBAndDropsTrailingZeros() {
        byte[] au = HexFormat.of().parseHex("0000000167aabb00000168cc0000000165" + "11".repeat(20) + "0000");
        List<NalUnits.Nal> nals = NalUnits.split(au);
        assertEquals(3, nals.size());
        assertEquals("67aabb", HexFormat.of().formatHex(nals.get(0).copy()));
        assertEquals("68cc", HexFormat.of().formatHex(nals.get(1).copy()));
        assertEquals("65" + "11".repeat(20), HexFormat.of().formatHex(nals.get(2).copy()));
    }

    @Test
    void splitsLengthPrefixedAndRejectsABadLength() {
        List<NalUnits.Nal> nals = NalUnits.split(HexFormat.of().parseHex("0000000267aa0000000165"));
        assertEquals(List.of("67aa", "65"), nals.stream().map(n -> HexFormat.of().formatHex(n.copy())).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NalUnits.split(HexFormat.of().parseHex("0000000967aa")));
        assertEquals("access unit is neither Annex-B nor length-prefixed: NAL length 9 at offset 0 of 6",
                e.getMessage());
    }

    private static int byteByByte(byte[] b, int from) {
        for (int i = from; i + 2 < b.length; i++) {
            if (b[i] == 0 && b[i + 1] == 0
                    && (b[i + 2] == 1 || (b[i + 2] == 0 && i + 3 < b.length && b[i + 3] == 1))) {
                return i;
            }
        }
        return -1;
    }
}
