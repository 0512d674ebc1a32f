package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SlotExtractorTest {

    private final SlotExtractor slots = new SlotExtractor();

    @Test
    void findsRoomDeviceAndNumber() {
        Map<String, String> s = slots.extract("Set the living room thermostat to 21 degrees");
        assertThat(s).containsEntry("room", "living room").containsEntry("device", "thermostat")
                .containsEntry("number", "21");
    }

    @Test
    void prefersLongerPhrasesAndEarliestMatch() {
        assertThat(slots.extract("open the garage door")).containsEntry("device", "garage door");
        assertThat(slots.extract("turn off the kitchen light and the bedroom lamp"))
                .containsEntry("room", "kitchen").containsEntry("device", "light");
    }

    @Test
    void timeIsNotMistakenForANumber() {
        Map<String, String> s = slots.extract("start the coffee machine at 7:30 am for 2 cups");
        assertThat(s).containsEntry("time", "7:30 am").containsEntry("number", "2");
        assertThat(slots.extract("wake me at 6pm")).containsEntry("time", "6pm").doesNotContainKey("number");
        assertThat(slots.extract("heat the house by 19:45")).containsEntry("time", "19:45");
        assertThat(slots.extract("at noon please")).containsEntry("time", "noon");
    }

    @Test
    void numberWordsBecomeDigits() {
        assertThat(slots.extract("set it to twenty one degrees")).containsEntry("number", "21");
        assertThat(slots.extract("volume to five")).containsEntry("number", "5");
        assertThat(slots.extract("lights to 2.5")).containsEntry("number", "2.5");
    }

    @Test
    void percentOrderAndEmail() {
        assertThat(slots.extract("dim the lights to 30 percent")).containsEntry("percent", "30%");
        assertThat(slots.extract("brightness 75%")).containsEntry("percent", "75%");
        Map<String, String> s = slots.extract("where is order #ab-48213? mail me at jo.doe+x@example.co.uk");
        assertThat(s).containsEntry("order", "AB-48213").containsEntry("email", "jo.doe+x@example.co.uk")
                .doesNotContainKey("number");
        assertThat(slots.extract("status of order number 55102")).containsEntry("order", "55102");
    }

    @Test
    void noSlotsInPlainText() {
        assertThat(slots.extract("what is your refund policy")).isEmpty();
        assertThat(slots.extract("")).isEmpty();
        assertThat(slots.extract(null)).isEmpty();
    }
}
