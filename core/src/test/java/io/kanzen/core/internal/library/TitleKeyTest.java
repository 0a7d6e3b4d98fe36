package io.kanzen.core.internal.library;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TitleKeyTest {
    @Test
    void accents_case_apostrophes_and_punctuation_do_not_count() {
        assertThat(TitleKey.of("L'Attaque des Titans")).isEqualTo(TitleKey.of("l_attaque des  TITANS"));
        assertThat(TitleKey.of("Nausicaä de la Vallée du Vent")).isEqualTo("nausicaa de la vallee du vent");
        assertThat(TitleKey.of("Dr. STONE")).isEqualTo("dr stone");
    }
}
