package dev.switchyard.ui.routing;

import dev.switchyard.app.routing.Action;
import dev.switchyard.app.routing.Decision;
import dev.switchyard.app.routing.Policy;
import dev.switchyard.app.routing.Problem;
import dev.switchyard.app.routing.Rule;
import dev.switchyard.app.routing.edit.Describe;
import dev.switchyard.app.routing.edit.ProblemNodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.CubicCurve;

/**
 * The policy as a flow: the incoming prompt, the rules in order (first match wins; "else" leads to the
 * next rule and finally to the default), and model nodes on the right with an edge per target of each
 * action: route and split edges solid, a cascade's escalation dashed "if unsure", a fallback's later links
 * dashed with their trigger. Rules are dragged to reorder; a rule's port is dragged onto a model to connect.
 */
final class PolicyCanvas extends Pane {

    static final double TOP = 24;
    static final double PROMPT_X = 12;
    static final double PROMPT_W = 96;
    static final double RULE_X = 136;
    static final double RULE_W = 244;
    static final double RULE_H = 76;
    static final double GAP = 34;
    static final double TARGET_X = 556;
    static final double TARGET_W = 184;
    static final double TARGET_H = 44;
    static final double TARGET_GAP = 16;
    private static final int MAX_TARGETS = 9;

    private final DesignerViewModel vm;
    private final TestPanelViewModel test;
    private final Group edges = new Group();
    private final Group labels = new Group();
    private final Map<String, Region> targetNodes = new LinkedHashMap<>();
    private final Map<String, Point2D> ports = new LinkedHashMap<>();

    PolicyCanvas(DesignerViewModel vm, TestPanelViewModel test) {
        this.vm = vm;
        this.test = test;
        setId("policy-canvas");
        getStyleClass().add("policy-canvas");
        vm.policyProperty().addListener((o, a, b) -> render());
        vm.selectionProperty().addListener((o, a, b) -> render());
        vm.problems().addListener((ListChangeListener<Problem>) c -> render());
        vm.targets().addListener((ListChangeListener<String>) c -> render());
        test.decisionProperty().addListener((o, a, b) -> render());
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                vm.selectionProperty().set(null);
            }
        });
        render();
    }

    private void render() {
        Policy p = vm.policy();
        getChildren().clear();
        edges.getChildren().clear();
        labels.getChildren().clear();
        targetNodes.clear();
        getChildren().addAll(edges);

        List<String> targets = targetsOf(p);
        int n = p.rules().size();
        double rulesHeight = (n + 1) * (RULE_H + GAP);
        double targetsHeight = 0;
        for (String t : targets) {
            targetsHeight += FlowNodes.targetHeight(t) + TARGET_GAP; // a long name takes two lines
        }
        double targetTop = TOP + Math.max(0, (rulesHeight - targetsHeight) / 2);
        Decision d = test.decisionProperty().get();

        double targetY = targetTop;
        for (int i = 0; i < targets.size(); i++) {
            String t = targets.get(i);
            Region node = FlowNodes.target(t, i, used(p, t), d != null && d.targets().contains(t));
            node.relocate(TARGET_X, targetY);
            targetY += node.getPrefHeight() + TARGET_GAP;
            node.setOnMouseClicked(e -> vm.selectionProperty().set("target:" + t));
            targetNodes.put(t, node);
            getChildren().add(node);
        }

        Region prompt = FlowNodes.prompt();
        prompt.relocate(PROMPT_X, TOP + (RULE_H - 48) / 2);
        prompt.setOnMouseClicked(e -> vm.selectionProperty().set("prompt"));
        getChildren().add(prompt);
        edge(PROMPT_X + PROMPT_W, TOP + RULE_H / 2, RULE_X, TOP + RULE_H / 2, "edge-flow", null);

        for (int i = 0; i < n; i++) {
            Rule r = p.rules().get(i);
            double y = TOP + i * (RULE_H + GAP);
            boolean hit = d != null && d.ruleIndex() == i && i < n;
            Region node = FlowNodes.rule(i, r, vm.problemsOf(ProblemNodes.ruleNode(i)),
                    ProblemNodes.ruleNode(i).equals(vm.selectionProperty().get()), hit);
            node.relocate(RULE_X, y);
            dragToReorder(node, i);
            getChildren().add(node);
            actionEdges(r.then(), y, RULE_H);
            port(node, i, y, RULE_H);
            elseEdge(y + RULE_H);
        }
        double dy = TOP + n * (RULE_H + GAP);
        Region def = FlowNodes.defaultNode(p.defaultAction(), vm.problemsOf(ProblemNodes.DEFAULT),
                ProblemNodes.DEFAULT.equals(vm.selectionProperty().get()), d != null && d.ruleIndex() < 0);
        def.relocate(RULE_X, dy);
        def.setOnMouseClicked(e -> vm.selectionProperty().set(ProblemNodes.DEFAULT));
        getChildren().add(def);
        actionEdges(p.defaultAction(), dy, RULE_H);
        port(def, -1, dy, RULE_H);
        getChildren().add(labels);
        double height = Math.max(rulesHeight, targetsHeight + targetTop) + TOP;
        setPrefSize(TARGET_X + TARGET_W + 16, height);
        setMinSize(TARGET_X + TARGET_W + 16, height);
    }

    private List<String> targetsOf(Policy p) {
        List<String> out = new ArrayList<>();
        for (Rule r : p.rules()) {
            addTargets(r.then(), out);
        }
        addTargets(p.defaultAction(), out);
        for (String t : vm.targets()) {
            if (out.size() >= MAX_TARGETS) {
                break;
            }
            if (!out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static void addTargets(Action a, List<String> out) {
        if (a != null) {
            Action.targets(a).stream().filter(t -> t != null && !t.isBlank() && !out.contains(t)).forEach(out::add);
        }
    }

    private static boolean used(Policy p, String t) {
        List<String> all = new ArrayList<>();
        p.rules().forEach(r -> addTargets(r.then(), all));
        addTargets(p.defaultAction(), all);
        return all.contains(t);
    }

    private void actionEdges(Action a, double y, double h) {
        if (a == null) {
            return;
        }
        double sx = RULE_X + RULE_W;
        double sy = y + h / 2;
        if (a instanceof Action.Route r) {
            toTarget(sx, sy, r.target(), "edge-route", null);
        } else if (a instanceof Action.Cascade c) {
            toTarget(sx, sy, c.local(), "edge-route", "first");
            toTarget(sx, sy, c.escalate(), "edge-unsure", "if unsure");
        } else if (a instanceof Action.Fallback f) {
            String trigger = Describe.fallbackTrigger(f.on());
            for (int i = 0; i < f.chain().size(); i++) {
                toTarget(sx, sy, f.chain().get(i), i == 0 ? "edge-route" : "edge-fallback",
                        i == 0 ? "first" : (i == 1 ? trigger : "else " + trigger));
            }
        } else if (a instanceof Action.Split s) {
            s.weights().forEach(w -> toTarget(sx, sy, w == null ? null : w.target(), "edge-split", w == null ? null : w.weight() + "%"));
        }
    }

    private void toTarget(double sx, double sy, String target, String style, String label) {
        Region node = target == null ? null : targetNodes.get(target);
        if (node != null) {
            edge(sx, sy, node.getLayoutX(), node.getLayoutY() + node.getPrefHeight() / 2, style, label);
        }
    }

    private void elseEdge(double bottom) {
        double x = RULE_X + 36;
        CubicCurve c = curve(x, bottom, x, bottom + GAP);
        c.getStyleClass().addAll("edge", "edge-else");
        edges.getChildren().add(c);
        Label l = new Label("else");
        l.getStyleClass().addAll("edge-label", "edge-label-else");
        l.relocate(x + 8, bottom + GAP / 2 - 9);
        labels.getChildren().add(l);
    }

    private void edge(double sx, double sy, double ex, double ey, String style, String label) {
        CubicCurve c = curve(sx, sy, ex, ey);
        c.getStyleClass().addAll("edge", style);
        edges.getChildren().add(c);
        if (label != null) {
            // centred on the curve a little past its middle, kept clear of the model column
            double t = 0.55;
            double k = 3 * t * t - 2 * t * t * t;
            double width = 124;
            Label l = new Label(label);
            l.getStyleClass().addAll("edge-label", style + "-label");
            l.setWrapText(true);
            l.setMaxWidth(width);
            double x = Math.min(sx + (ex - sx) * t - 24, ex - width - 6);
            l.relocate(Math.max(sx + 6, x), sy + (ey - sy) * k - 9);
            labels.getChildren().add(l);
        }
    }

    private static CubicCurve curve(double sx, double sy, double ex, double ey) {
        double dx = Math.abs(ex - sx) / 2;
        CubicCurve c = new CubicCurve(sx, sy, sx + dx, sy, ex - dx, ey, ex, ey);
        if (sx == ex) {
            c.setControlX1(sx);
            c.setControlY1(sy + (ey - sy) / 3);
            c.setControlX2(ex);
            c.setControlY2(ey - (ey - sy) / 3);
        }
        c.setFill(null);
        c.setMouseTransparent(true);
        return c;
    }

    private void port(Region node, int rule, double y, double h) {
        Circle port = new Circle(RULE_X + RULE_W, y + h / 2, 6);
        port.getStyleClass().add("port");
        port.setId(rule < 0 ? "port-default" : "port-" + rule);
        Tooltip.install(port, new Tooltip("Drag onto a model to connect"));
        CubicCurve[] temp = new CubicCurve[1];
        port.setOnMousePressed(e -> {
            temp[0] = curve(port.getCenterX(), port.getCenterY(), port.getCenterX(), port.getCenterY());
            temp[0].getStyleClass().addAll("edge", "edge-temp");
            getChildren().add(temp[0]);
            e.consume();
        });
        port.setOnMouseDragged(e -> {
            Point2D at = sceneToLocal(e.getSceneX(), e.getSceneY());
            getChildren().remove(temp[0]);
            temp[0] = curve(port.getCenterX(), port.getCenterY(), at.getX(), at.getY());
            temp[0].getStyleClass().addAll("edge", "edge-temp");
            getChildren().add(temp[0]);
            e.consume();
        });
        port.setOnMouseReleased(e -> {
            getChildren().remove(temp[0]);
            Point2D at = sceneToLocal(e.getSceneX(), e.getSceneY());
            targetNodes.entrySet().stream().filter(t -> t.getValue().getBoundsInParent().contains(at)).findFirst()
                    .ifPresent(t -> vm.connect(rule, t.getKey()));
            e.consume();
        });
        getChildren().add(port);
    }

    private void dragToReorder(Region node, int index) {
        double[] press = new double[2];
        node.setOnMousePressed(e -> {
            press[0] = sceneToLocal(e.getSceneX(), e.getSceneY()).getY();
            press[1] = 0;
            e.consume();
        });
        node.setOnMouseDragged(e -> {
            double dy = sceneToLocal(e.getSceneX(), e.getSceneY()).getY() - press[0];
            if (Math.abs(dy) > 4) {
                press[1] = 1;
                node.setTranslateY(dy);
                node.toFront();
                node.getStyleClass().add("dragging");
            }
            e.consume();
        });
        node.setOnMouseReleased(e -> {
            double dy = sceneToLocal(e.getSceneX(), e.getSceneY()).getY() - press[0];
            if (press[1] > 0) {
                int to = (int) Math.round(index + dy / (RULE_H + GAP));
                to = Math.max(0, Math.min(to, vm.policy().rules().size() - 1));
                node.setTranslateY(0);
                if (to != index) {
                    vm.moveRule(index, to);
                } else {
                    render();
                }
            } else {
                vm.selectRule(index);
            }
            e.consume();
        });
    }

    /** Tooltip text of a node's problems. */
    static String problemText(List<Problem> problems) {
        return problems.stream().map(Problem::message).collect(Collectors.joining("\n"));
    }

    /** The designer this canvas draws (tests reach the view model through it). */
    DesignerViewModel model() {
        return vm;
    }

    /** For tests and the inspector: the canvas node of a target. */
    Region targetNode(String target) {
        return targetNodes.get(target);
    }

    static VBox box(String... styles) {
        VBox b = new VBox(2);
        b.getStyleClass().addAll(styles);
        return b;
    }
}
