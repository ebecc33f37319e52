package org.yunxie.bot.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class ChunksTest {

    @Test
    void aShortAnnouncementIsOneMessage() {
        assertThat(Chunks.of("#1 结果：通过\n参与 31/48 户", 2048)).containsExactly("#1 结果：通过\n参与 31/48 户");
    }

    @Test
    void aLongListOfUnitsIsSplitAtLineBreaksWithinTheByteLimit() {
        String labels = IntStream.rangeClosed(1, 400).mapToObj(i -> "7-" + (i % 4 + 1) + "-" + (100 + i) + " 未回复")
                .collect(Collectors.joining("\n"));

        List<String> chunks = Chunks.of(labels, 2048);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(2048));
        assertThat(String.join("\n", chunks)).isEqualTo(labels);
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk).doesNotStartWith("\n").doesNotEndWith("\n"));
    }

    @Test
    void aSingleLineLongerThanTheLimitIsCutBetweenCharactersNeverInsideOne() {
        String line = "同意".repeat(1000) + "🙂".repeat(10);

        List<String> chunks = Chunks.of(line, 100);

        assertThat(String.join("", chunks)).isEqualTo(line);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(chunk.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(100);
            assertThat(new String(chunk.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(chunk);
        });
    }
}
