package dev.switchyard.local.intent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntentSetsTest {

    private static IntentSet parse(String json) {
        return IntentSets.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedSetsMeetTheSizeRules() {
        for (IntentSet set : List.of(DemoSets.smartHome(), DemoSets.customerSupport())) {
            assertThat(set.intents()).hasSizeGreaterThanOrEqualTo(15);
            assertThat(set.intents()).allSatisfy(i -> {
                assertThat(i.examples()).hasSizeGreaterThanOrEqualTo(8);
                assertThat(i.examples()).doesNotHaveDuplicates();
                assertThat(i.responseTemplate()).isNotBlank();
            });
        }
    }

    @Test
    void writeThenLoadRoundTrips(@TempDir Path dir) {
        IntentSet set = DemoSets.smartHome();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IntentSets.write(set, out);
        assertThat(IntentSets.load(new ByteArrayInputStream(out.toByteArray()))).isEqualTo(set);

        Path file = dir.resolve("sub/home.json");
        IntentSets.write(set, file);
        assertThat(IntentSets.load(file)).isEqualTo(set);
    }

    @Test
    void minimalSetWithoutFormatFieldsLoads() {
        IntentSet set = parse("{\"name\":\"x\",\"intents\":[{\"name\":\"a\",\"examples\":[\"hi\"]}],\"extra\":1}");
        assertThat(set.name()).isEqualTo("x");
        assertThat(set.description()).isEmpty();
        assertThat(set.intents().get(0).responseTemplate()).isEmpty();
    }

    @Test
    void badInputGivesClearErrors() {
        assertThatThrownBy(() -> parse("{\"name\": \"x\", \"intents\": [")).isInstanceOf(IntentException.class)
                .hasMessageContaining("not valid JSON")
                .satisfies(e -> assertThat(((IntentException) e).kind()).isEqualTo(IntentException.Kind.INVALID_INTENT_SET));
        assertThatThrownBy(() -> parse("[]")).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> parse("{\"name\":\"x\",\"intents\":[]}")).hasMessageContaining("non-empty \"intents\"");
        assertThatThrownBy(() -> parse("{\"name\":\"x\",\"intents\":[{\"name\":\"a\",\"examples\":[]}]}"))
                .hasMessageContaining("intent 'a' of set 'x'").hasMessageContaining("examples");
        assertThatThrownBy(() -> parse("{\"name\":\"x\",\"intents\":[{\"examples\":[\"a\"]}]}"))
                .hasMessageContaining("intent #1").hasMessageContaining("\"name\"");
        assertThatThrownBy(() -> parse("{\"name\":\"x\",\"intents\":[{\"name\":\"a\",\"examples\":[\"q\"]},"
                + "{\"name\":\"a\",\"examples\":[\"r\"]}]}")).hasMessageContaining("two intents named 'a'");
        assertThatThrownBy(() -> parse("{\"format\":\"other\",\"name\":\"x\",\"intents\":[]}"))
                .hasMessageContaining("not an intent set");
        assertThatThrownBy(() -> parse("{\"version\":2,\"name\":\"x\",\"intents\":[]}"))
                .hasMessageContaining("version 2");
    }

    @Test
    void missingFileIsAnIoError(@TempDir Path dir) {
        assertThatThrownBy(() -> IntentSets.load(dir.resolve("nope.json"))).isInstanceOf(IntentException.class)
                .satisfies(e -> assertThat(((IntentException) e).kind()).isEqualTo(IntentException.Kind.IO))
                .hasMessageContaining("nope.json");
    }
}
