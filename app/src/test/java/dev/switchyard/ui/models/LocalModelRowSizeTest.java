package dev.switchyard.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The Files column's sizes: a damaged model's empty files do not read "0.0 MB", tiny files not "0.0 MB" either. */
class LocalModelRowSizeTest {

    @Test
    void sizesReadAsAUserWouldSayThem() {
        assertThat(LocalModelRow.megabytes(0)).isEqualTo("no bytes");
        assertThat(LocalModelRow.megabytes(300)).isEqualTo("1 KB");
        assertThat(LocalModelRow.megabytes(42_400)).isEqualTo("42 KB");
        assertThat(LocalModelRow.megabytes(512_000)).isEqualTo("0.5 MB");
        assertThat(LocalModelRow.megabytes(870_400_000)).isEqualTo("870 MB");
        assertThat(LocalModelRow.megabytes(2_300_000_000L)).isEqualTo("2,300 MB");
    }
}
