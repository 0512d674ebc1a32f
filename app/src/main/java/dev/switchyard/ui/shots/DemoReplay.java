package dev.switchyard.ui.shots;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchyard.app.AppContext;
import dev.switchyard.app.replay.Prepared;
import dev.switchyard.app.replay.ReplayGraders;
import dev.switchyard.app.replay.ReplayService;
import dev.switchyard.app.replay.dataset.DatasetParser;
import dev.switchyard.app.replay.dataset.ParsedDataset;
import dev.switchyard.app.replay.engine.ReplayListener;
import dev.switchyard.app.replay.engine.ReplayOptions;
import dev.switchyard.app.replay.engine.ReplayPolicy;
import dev.switchyard.app.replay.engine.ReplayResult;
import dev.switchyard.app.replay.engine.Sourcing;
import dev.switchyard.app.replay.policy.ReplayPolicies;
import dev.switchyard.app.routing.PolicyTemplates;
import dev.switchyard.workspace.Workspace;
import dev.switchyard.workspace.model.Dataset;
import dev.switchyard.workspace.model.Provider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The demo workspace's dataset ("Everyday prompts": device commands, shop questions and general questions) and
 * one finished replay of the default policy over it, made by the real replay code ({@link ReplayService}, as the
 * CLI's {@code replay} command) with live calls: the embedded intent model answers locally, the OpenAI provider's
 * models are answered by the demo's loopback streaming server ({@link DemoGateway}, with {@link #reply}; the provider
 * is a keyless endpoint at its address while the replay runs and gets its address, key reference and preset back
 * afterwards). Nothing is written into the result by hand.
 */
final class DemoReplay {

    static final String DATASET = "Everyday prompts";

    private static final ObjectMapper JSON = new ObjectMapper(); // before JSONL, which it builds

    static final String SMART_HOME = "You are a home assistant. Carry out device commands and confirm in one sentence.";
    static final String SHOP = "You answer questions about the Northwind shop. Refunds: within 30 days, annual"
            + " plans pro rata. Shipping: 3-5 business days, Canada 5-8. Payment: card, PayPal, invoice.";

    /** The dataset as JSONL (the import format users write). */
    private static final String JSONL = String.join("\n",
            item("Turn on the kitchen lights", "kitchen", "contains", "device", SMART_HOME),
            item("Switch off the lights in the bedroom", "bedroom", "contains", "device", SMART_HOME),
            item("Set the thermostat to 21 degrees", "21", "contains", "device", SMART_HOME),
            item("Lock the front door", "lock", "contains", "device", SMART_HOME),
            item("Close the blinds in the living room", "blinds", "contains", "device", SMART_HOME),
            item("Start the robot vacuum", "vacuum", "contains", "device", SMART_HOME),
            item("What is your refund policy for annual plans?", "refund", "contains", "faq", SHOP),
            item("Where is my order #A12345?", "order", "contains", "faq", SHOP),
            item("How long does shipping to Canada take?", "business days", "contains", "faq", SHOP),
            item("Can I pay with PayPal?", "PayPal", "contains", "faq", SHOP),
            item("Summarise in one sentence: the customer cannot log in after the 2.3 update and the password reset"
                    + " email never arrives.", "(log in|sign in).*(reset|email)", "regex", "summary", null),
            item("Write a Python function that merges two sorted lists into one sorted list", "def \\w+\\(",
                    "regex", "code", null),
            item("A train leaves at 09:40 and arrives at 13:05. How many minutes is the journey?", "205", "numeric",
                    "reasoning", null),
            item("Translate 'where is the train station' into German", "Bahnhof", "contains", "translation", null),
            item("Extract the amount from: 'Invoice 2291 paid on 14 March 2025, total EUR 1,240.50'", "1240.5",
                    "numeric", "extraction", null),
            item("A recipe for 4 needs 300 g of flour. How many grams for 10 people?", "750", "numeric",
                    "reasoning", null),
            item("Explain the difference between time to first token and total latency to a product manager", null,
                    null, "explanation", null));

    /** Cloud answers by a word of the prompt; the cheap model slips on the harder reasoning items. */
    private static final Map<String, String> ANSWERS = Map.ofEntries(
            Map.entry("kitchen lights", "Done: the kitchen lights are on."),
            Map.entry("bedroom", "The bedroom lights are off now."),
            Map.entry("thermostat", "The thermostat is set to 21 °C."),
            Map.entry("front door", "The front door is locked."),
            Map.entry("blinds", "Closing the living room blinds."),
            Map.entry("vacuum", "The robot vacuum has started cleaning."),
            Map.entry("refund", "Annual plans can be refunded within 30 days; after that we refund the unused months pro rata."),
            Map.entry("order #", "I can't see live tracking here, but order #A12345 can be tracked from the link in your confirmation email."),
            Map.entry("Canada", "Shipping to Canada takes 5-8 business days."),
            Map.entry("PayPal", "Yes, we accept PayPal as well as cards and invoices."),
            Map.entry("Summarise", "After the 2.3 update the customer cannot log in, and the password reset email never arrives."),
            Map.entry("Python", "```python\ndef merge(a, b):\n    out, i, j = [], 0, 0\n    while i < len(a) and j < len(b):\n"
                    + "        if a[i] <= b[j]:\n            out.append(a[i]); i += 1\n        else:\n"
                    + "            out.append(b[j]); j += 1\n    return out + a[i:] + b[j:]\n```"),
            Map.entry("train leaves", "From 09:40 to 13:05 is 3 hours and 25 minutes, so the journey takes 205 minutes."),
            Map.entry("German", "Wo ist der Bahnhof?"),
            Map.entry("Invoice", "The amount is EUR 1,240.50."),
            Map.entry("recipe", "300 g for 4 people is 75 g per person, so 10 people need 750 g of flour."),
            Map.entry("time to first token", "Time to first token is how long the user waits before anything appears;"
                    + " total latency is how long until the whole answer is there. The first shapes how fast the"
                    + " product feels, the second how long a task takes."));
    private static final Map<String, String> CHEAP_SLIPS = Map.of(
            "train leaves", "From 09:40 to 13:05 is 3 hours and 15 minutes, so the journey takes 195 minutes.",
            "recipe", "Each person needs 300 / 4 = 75 g, so for 10 people you need 700 g of flour.");

    private DemoReplay() {
    }

    /**
     * Adds the dataset and replays the workspace's default policy over it (baselines on, live calls). Returns the
     * finished replay's id.
     */
    static long seed(Workspace ws, AppContext context, DemoGateway gateway) {
        ParsedDataset parsed = DatasetParser.parse(JSONL, DatasetParser.Format.JSONL);
        if (!parsed.problems().isEmpty()) {
            throw new IllegalStateException("the demo dataset does not parse: " + parsed.problems());
        }
        Dataset dataset = ws.datasets().create(DATASET, "What a home assistant hears in a day: device commands,"
                + " shop questions and general questions");
        ws.datasets().addItems(dataset.id(), parsed.items());

        Provider openai = ws.providers().list().stream().filter(p -> "OpenAI".equals(p.name())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the demo workspace has no OpenAI provider"));
        ws.providers().update(new Provider(openai.id(), openai.uid(), openai.kind(), openai.name(),
                gateway.baseUrl(), null, null, openai.createdAt())); // a keyless custom endpoint meanwhile
        try {
            ReplayService service = ReplayService.of(context, ws); // as the CLI's replay command
            ReplayPolicy policy = new ReplayPolicies(context, ws).load(PolicyTemplates.DEFAULT, null);
            ReplayOptions options = ReplayOptions.defaults().withSourcing(Sourcing.LIVE)
                    .withGraders(ReplayGraders.build(context, ws, null, null, null, null));
            Prepared prepared = service.prepare(policy, dataset.id(), options);
            ReplayResult result = service.start(prepared, true, ReplayListener.NONE).result()
                    .get(3, TimeUnit.MINUTES);
            return result.replay().id();
        } catch (Exception e) {
            throw new IllegalStateException("the demo replay did not finish: " + e.getMessage(), e);
        } finally {
            ws.providers().update(openai);
        }
    }

    private static String item(String prompt, String reference, String grader, String category, String system) {
        var n = JSON.createObjectNode().put("prompt", prompt);
        if (reference != null) {
            n.put("reference", reference);
        }
        if (system != null) {
            n.put("system", system);
        }
        var tags = n.putArray("tags").add("category:" + category);
        tags.add("grader:" + (grader == null ? "none" : grader));
        return n.toString();
    }

    /** The answer of the OpenAI models: by a word of the prompt, a short wait (longer for the reasoning model). */
    static DemoGateway.Reply reply(String model, String prompt) {
        boolean strong = model.startsWith("o1");
        String text = "I can help with that.";
        // the key found last in the prompt: the question comes last, and o1-mini, which takes no system message, gets
        // the system text ("... Canada ... PayPal ...") before it (the first match in Map.of's order, which changes
        // from one JVM to the next, gave the README's Replay shot other figures at each run)
        int at = -1;
        for (var e : ANSWERS.entrySet()) {
            int i = prompt.lastIndexOf(e.getKey());
            if (i > at) {
                at = i;
                text = !strong && CHEAP_SLIPS.containsKey(e.getKey()) ? CHEAP_SLIPS.get(e.getKey()) : e.getValue();
            }
        }
        int h = Math.abs(prompt.hashCode() % 200);
        // o1 bills its hidden reasoning tokens as output
        return new DemoGateway.Reply(text, strong ? 700 + h * 3L : 220 + h, strong ? 9 : 14, strong ? 180 : 0);
    }
}
