package dev.switchyard.ui.replay;

import dev.switchyard.app.replay.export.ChartScale;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.chart.ValueAxis;

/**
 * A number axis from 0 to a round upper bound whose two ends sit a few pixels inside the plot area: the padding is
 * given in pixels and turned into data units for the axis's length at each layout, so a dot at 0 (a $0 baseline, a 0 %
 * pass rate) is drawn whole instead of half under the other axis, while the ticks stay on the round multiples of the
 * tick unit from 0 (a range padded in data units would put them at −0.03, 0.37, …). The chart's own ranging is not
 * used: {@link #show} sets the bounds. ({@code NumberAxis} is final, and pads in data units.)
 */
final class PaddedAxis extends ValueAxis<Number> {

    /** Pixels between the plot area's edge and 0: half the largest dot (14 px) and a little air. */
    static final double PAD = 10;

    private final double padLow;
    private final double padHigh;
    private double upper;
    /** The tick units to choose from, smallest first: the first whose ticks are a label's room apart is used. */
    private double[] units;
    private double unit;
    private DecimalFormat format;

    /**
     * {@code units}: tick units, smallest first (the axis takes the smallest that leaves room for its labels);
     * {@code padLow}, {@code padHigh}: pixels left before 0 and after {@code upper}.
     */
    PaddedAxis(double upper, double[] units, double padLow, double padHigh) {
        this.upper = upper;
        this.units = units.clone();
        this.padLow = padLow;
        this.padHigh = padHigh;
        use(units[0]);
        setAutoRanging(true); // asked for a range at each layout, with the axis's length: see autoRange
        setAnimated(false);
    }

    /** Shows 0 to {@code upper} with a tick every {@code unit} (both round numbers). */
    void show(double upper, double unit) {
        if (upper != this.upper || units.length != 1 || unit != units[0]) {
            this.upper = upper;
            this.units = new double[] {unit};
            invalidateRange();
            requestAxisLayout();
        }
    }

    private void use(double u) {
        if (u != unit || format == null) {
            unit = u;
            format = new DecimalFormat(ChartScale.tickPattern(u));
        }
    }

    @Override
    protected Object autoRange(double minValue, double maxValue, double length, double labelSize) {
        double inside = length - padLow - padHigh;
        double perPixel = inside > 1 ? upper / inside : 0; // not laid out yet: no padding
        double lower = -padLow * perPixel;
        double top = upper + padHigh * perPixel;
        // a label's room: its line and half a line of air on a vertical axis, the chart's estimate on a horizontal one
        double room = getSide() != null && getSide().isVertical() ? getTickLabelFont().getSize() * 1.5 : labelSize;
        double step = units[units.length - 1];
        for (double u : units) {
            if (perPixel == 0 || u / perPixel >= room) {
                step = u;
                break;
            }
        }
        return new double[] {lower, top, calculateNewScale(length, lower, top), step};
    }

    @Override
    protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound(), getScale(), unit};
    }

    @Override
    protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        setScale(r[2]);
        use(r[3]);
    }

    @Override
    protected String getTickMarkLabel(Number value) {
        return getTickLabelFormatter() != null ? getTickLabelFormatter().toString(value) : format.format(value);
    }

    /** The multiples of the tick unit within the bounds: 0, unit, 2 unit … upper (never the padded ends). */
    @Override
    protected List<Number> calculateTickValues(double length, Object range) {
        double[] r = (double[]) range;
        double step = r[3];
        List<Number> ticks = new ArrayList<>();
        if (step > 0) {
            for (long i = (long) Math.ceil(r[0] / step - 1e-9); i * step <= r[1] + step * 1e-9; i++) {
                ticks.add(i * step);
            }
        }
        return ticks;
    }

    @Override
    protected List<Number> calculateMinorTickMarks() {
        List<Number> minor = new ArrayList<>();
        int count = Math.max(1, getMinorTickCount());
        if (unit > 0) {
            for (long i = (long) Math.floor(getLowerBound() / unit); i * unit < getUpperBound(); i++) {
                for (int j = 1; j < count; j++) {
                    double v = (i + (double) j / count) * unit;
                    if (v > getLowerBound() && v < getUpperBound()) {
                        minor.add(v);
                    }
                }
            }
        }
        return minor;
    }
}
