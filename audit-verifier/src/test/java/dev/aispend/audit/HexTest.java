package dev.aispend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HexTest {

    @Test
    void encodesLowerCaseAndDecodesBack() {
        byte[] bytes = {0x00, 0x01, (byte) 0xab, (byte) 0xff, 0x7f};
        assertThat(Hex.encode(bytes)).isEqualTo("0001abff7f");
        assertThat(Hex.decode("0001abff7f")).containsExactly(bytes);
        assertThat(Hex.encode(new byte[0])).isEmpty();
    }

    @Test
    void roundTripsSeededRandomBytes() {
        Random random = new Random(7);
        for (int length = 0; length < 100; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Hex.decode(Hex.encode(bytes))).containsExactly(bytes);
        }
    }

    @Test
    void refusesUpperCaseOddLengthAndNonHexCharacters() {
        assertThatThrownBy(() -> Hex.decode("AB")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("0g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode(" 0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("\u0661\u0662")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decodesAHashOnlyWhenItIs32Bytes() {
        assertThat(Hex.decodeHash("00".repeat(32))).hasSize(32);
        assertThatThrownBy(() -> Hex.decodeHash("00".repeat(31))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decodeHash("00".repeat(33))).isInstanceOf(IllegalArgumentException.class);
    }
}
