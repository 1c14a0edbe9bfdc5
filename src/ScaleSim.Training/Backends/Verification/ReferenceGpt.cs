using ScaleSim.Training.Model;

namespace ScaleSim.Training.Backends.Verification;

/// <summary>
/// A plain double-precision model over the same flat <see cref="ParameterLayout"/>: naive loops, no blocking, no
/// SIMD, forward and backward written straight from the equations. It is the oracle every backend is compared with
/// (and is itself checked against finite differences in double, where they are accurate to ~1e-9).
/// </summary>
internal sealed class ReferenceGpt(TinyGpt model, int batch)
{
    private readonly ParameterLayout _layout = new(model);
    private readonly int _b = batch, _t = model.Context, _c = model.DModel, _v = model.Vocab, _h = model.Heads, _l = model.Layers;

    public ParameterLayout Layout => _layout;

    /// <summary>Mean cross-entropy; when <paramref name="grads"/> is given, fills it with the gradient. <paramref name="probs"/> receives softmax outputs.</summary>
    public double Run(double[] p, int[] inputs, int[] targets, double[]? grads = null, double[]? probs = null)
    {
        int n = _b * _t, c = _c, l = _l;
        var res = new double[l + 1][];
        var ln1 = new double[l][]; var ln1m = new double[l][]; var ln1r = new double[l][];
        var qkv = new double[l][]; var att = new double[l][]; var atty = new double[l][];
        var res2 = new double[l][]; var ln2 = new double[l][]; var ln2m = new double[l][]; var ln2r = new double[l][];
        var fch = new double[l][]; var fchg = new double[l][];

        res[0] = new double[n * c];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < c; j++)
                res[0][i * c + j] = p[_layout.TokenEmbedding.Offset + inputs[i] * c + j] + p[_layout.PositionEmbedding.Offset + (i % _t) * c + j];

        for (int k = 0; k < l; k++)
        {
            (ln1[k], ln1m[k], ln1r[k]) = LayerNorm(res[k], p, _layout.Ln1Weight.OffsetOf(k), _layout.Ln1Bias.OffsetOf(k));
            qkv[k] = Linear(ln1[k], p, _layout.QkvWeight.OffsetOf(k), _layout.QkvBias.OffsetOf(k), c, 3 * c);
            (atty[k], att[k]) = Attention(qkv[k]);
            var proj = Linear(atty[k], p, _layout.AttentionProjectionWeight.OffsetOf(k), _layout.AttentionProjectionBias.OffsetOf(k), c, c);
            res2[k] = Add(res[k], proj);
            (ln2[k], ln2m[k], ln2r[k]) = LayerNorm(res2[k], p, _layout.Ln2Weight.OffsetOf(k), _layout.Ln2Bias.OffsetOf(k));
            fch[k] = Linear(ln2[k], p, _layout.MlpUpWeight.OffsetOf(k), _layout.MlpUpBias.OffsetOf(k), c, 4 * c);
            fchg[k] = fch[k].Select(Gelu).ToArray();
            var down = Linear(fchg[k], p, _layout.MlpDownWeight.OffsetOf(k), _layout.MlpDownBias.OffsetOf(k), 4 * c, c);
            res[k + 1] = Add(res2[k], down);
        }

        var (lnf, lnfm, lnfr) = LayerNorm(res[l], p, _layout.FinalLnWeight.Offset, _layout.FinalLnBias.Offset);
        var logits = Linear(lnf, p, _layout.TokenEmbedding.Offset, -1, c, _v);
        var pr = new double[n * _v];
        double loss = 0;
        for (int i = 0; i < n; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < _v; j++) max = Math.Max(max, logits[i * _v + j]);
            double sum = 0;
            for (int j = 0; j < _v; j++) sum += Math.Exp(logits[i * _v + j] - max);
            for (int j = 0; j < _v; j++) pr[i * _v + j] = Math.Exp(logits[i * _v + j] - max) / sum;
            loss += Math.Log(sum) - (logits[i * _v + targets[i]] - max);
        }
        loss /= n;
        if (probs is not null) Array.Copy(pr, probs, pr.Length);
        if (grads is null) return loss;

        Array.Clear(grads);
        var dlogits = new double[n * _v];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < _v; j++)
                dlogits[i * _v + j] = (pr[i * _v + j] - (j == targets[i] ? 1 : 0)) / n;
        var dlnf = LinearBackward(dlogits, lnf, p, grads, _layout.TokenEmbedding.Offset, -1, c, _v);
        var dres = LayerNormBackward(dlnf, res[l], lnfm, lnfr, p, grads, _layout.FinalLnWeight.Offset, _layout.FinalLnBias.Offset);
        for (int k = l - 1; k >= 0; k--)
        {
            var dfchg = LinearBackward(dres, fchg[k], p, grads, _layout.MlpDownWeight.OffsetOf(k), _layout.MlpDownBias.OffsetOf(k), 4 * c, c);
            var dfch = new double[dfchg.Length];
            for (int i = 0; i < dfch.Length; i++) dfch[i] = dfchg[i] * GeluDerivative(fch[k][i]);
            var dln2 = LinearBackward(dfch, ln2[k], p, grads, _layout.MlpUpWeight.OffsetOf(k), _layout.MlpUpBias.OffsetOf(k), c, 4 * c);
            var dres2 = Add(dres, LayerNormBackward(dln2, res2[k], ln2m[k], ln2r[k], p, grads, _layout.Ln2Weight.OffsetOf(k), _layout.Ln2Bias.OffsetOf(k)));
            var datty = LinearBackward(dres2, atty[k], p, grads, _layout.AttentionProjectionWeight.OffsetOf(k), _layout.AttentionProjectionBias.OffsetOf(k), c, c);
            var dqkv = AttentionBackward(datty, qkv[k], att[k]);
            var dln1 = LinearBackward(dqkv, ln1[k], p, grads, _layout.QkvWeight.OffsetOf(k), _layout.QkvBias.OffsetOf(k), c, 3 * c);
            dres = Add(dres2, LayerNormBackward(dln1, res[k], ln1m[k], ln1r[k], p, grads, _layout.Ln1Weight.OffsetOf(k), _layout.Ln1Bias.OffsetOf(k)));
        }
        for (int i = 0; i < n; i++)
            for (int j = 0; j < c; j++)
            {
                grads[_layout.TokenEmbedding.Offset + inputs[i] * c + j] += dres[i * c + j];
                grads[_layout.PositionEmbedding.Offset + (i % _t) * c + j] += dres[i * c + j];
            }
        return loss;
    }

    // GELU with the same A&S 7.1.26 erf as the CPU backend, in double.
    public static double Erf(double x)
    {
        double ax = Math.Abs(x), t = 1 / (1 + 0.3275911 * ax);
        double poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
        return Math.CopySign(1 - poly * Math.Exp(-ax * ax), x);
    }

    public static double Gelu(double x) => 0.5 * x * (1 + Erf(x / Math.Sqrt(2)));

    public static double GeluDerivative(double x) => 0.5 * (1 + Erf(x / Math.Sqrt(2))) + x * Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI);

    private static double[] Add(double[] a, double[] b) => a.Zip(b, (x, y) => x + y).ToArray();

    private (double[] Out, double[] Mean, double[] Rstd) LayerNorm(double[] x, double[] p, int w, int b)
    {
        int n = x.Length / _c;
        var o = new double[x.Length];
        var mean = new double[n];
        var rstd = new double[n];
        for (int i = 0; i < n; i++)
        {
            double m = 0, v = 0;
            for (int j = 0; j < _c; j++) m += x[i * _c + j];
            m /= _c;
            for (int j = 0; j < _c; j++) v += (x[i * _c + j] - m) * (x[i * _c + j] - m);
            double r = 1 / Math.Sqrt(v / _c + 1e-5);
            for (int j = 0; j < _c; j++) o[i * _c + j] = (x[i * _c + j] - m) * r * p[w + j] + p[b + j];
            mean[i] = m;
            rstd[i] = r;
        }
        return (o, mean, rstd);
    }

    private double[] LayerNormBackward(double[] dy, double[] x, double[] mean, double[] rstd, double[] p, double[] g, int w, int b)
    {
        int n = x.Length / _c;
        var dx = new double[x.Length];
        for (int i = 0; i < n; i++)
        {
            double sg = 0, sgn = 0;
            for (int j = 0; j < _c; j++)
            {
                double nh = (x[i * _c + j] - mean[i]) * rstd[i], gj = dy[i * _c + j] * p[w + j];
                sg += gj;
                sgn += gj * nh;
                g[w + j] += dy[i * _c + j] * nh;
                g[b + j] += dy[i * _c + j];
            }
            sg /= _c;
            sgn /= _c;
            for (int j = 0; j < _c; j++)
            {
                double nh = (x[i * _c + j] - mean[i]) * rstd[i], gj = dy[i * _c + j] * p[w + j];
                dx[i * _c + j] = (gj - sg - nh * sgn) * rstd[i];
            }
        }
        return dx;
    }

    private static double[] Linear(double[] x, double[] p, int w, int b, int inF, int outF)
    {
        int n = x.Length / inF;
        var y = new double[n * outF];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < outF; o++)
            {
                double s = b >= 0 ? p[b + o] : 0;
                for (int k = 0; k < inF; k++) s += x[i * inF + k] * p[w + o * inF + k];
                y[i * outF + o] = s;
            }
        return y;
    }

    private static double[] LinearBackward(double[] dy, double[] x, double[] p, double[] g, int w, int b, int inF, int outF)
    {
        int n = x.Length / inF;
        var dx = new double[x.Length];
        for (int i = 0; i < n; i++)
            for (int o = 0; o < outF; o++)
            {
                double d = dy[i * outF + o];
                if (b >= 0) g[b + o] += d;
                for (int k = 0; k < inF; k++)
                {
                    dx[i * inF + k] += d * p[w + o * inF + k];
                    g[w + o * inF + k] += d * x[i * inF + k];
                }
            }
        return dx;
    }

    private (double[] Y, double[] Att) Attention(double[] qkv)
    {
        int hs = _c / _h;
        double scale = 1 / Math.Sqrt(hs);
        var y = new double[_b * _t * _c];
        var att = new double[_b * _h * _t * _t];
        for (int b = 0; b < _b; b++)
            for (int h = 0; h < _h; h++)
                for (int t = 0; t < _t; t++)
                {
                    int q = (b * _t + t) * 3 * _c + h * hs, a = ((b * _h + h) * _t + t) * _t;
                    double max = double.NegativeInfinity;
                    for (int u = 0; u <= t; u++)
                    {
                        int k = (b * _t + u) * 3 * _c + _c + h * hs;
                        double s = 0;
                        for (int d = 0; d < hs; d++) s += qkv[q + d] * qkv[k + d];
                        att[a + u] = s * scale;
                        max = Math.Max(max, att[a + u]);
                    }
                    double sum = 0;
                    for (int u = 0; u <= t; u++) sum += att[a + u] = Math.Exp(att[a + u] - max);
                    for (int u = 0; u <= t; u++) att[a + u] /= sum;
                    for (int u = 0; u <= t; u++)
                    {
                        int v = (b * _t + u) * 3 * _c + 2 * _c + h * hs;
                        for (int d = 0; d < hs; d++) y[(b * _t + t) * _c + h * hs + d] += att[a + u] * qkv[v + d];
                    }
                }
        return (y, att);
    }

    private double[] AttentionBackward(double[] dy, double[] qkv, double[] att)
    {
        int hs = _c / _h;
        double scale = 1 / Math.Sqrt(hs);
        var dqkv = new double[qkv.Length];
        var dp = new double[_t];
        for (int b = 0; b < _b; b++)
            for (int h = 0; h < _h; h++)
                for (int t = 0; t < _t; t++)
                {
                    int q = (b * _t + t) * 3 * _c + h * hs, a = ((b * _h + h) * _t + t) * _t, o = (b * _t + t) * _c + h * hs;
                    double dot = 0;
                    for (int u = 0; u <= t; u++)
                    {
                        int v = (b * _t + u) * 3 * _c + 2 * _c + h * hs;
                        dp[u] = 0;
                        for (int d = 0; d < hs; d++)
                        {
                            dp[u] += dy[o + d] * qkv[v + d];
                            dqkv[v + d] += att[a + u] * dy[o + d];
                        }
                        dot += att[a + u] * dp[u];
                    }
                    for (int u = 0; u <= t; u++)
                    {
                        double ds = att[a + u] * (dp[u] - dot) * scale;
                        int k = (b * _t + u) * 3 * _c + _c + h * hs;
                        for (int d = 0; d < hs; d++)
                        {
                            dqkv[q + d] += ds * qkv[k + d];
                            dqkv[k + d] += ds * qkv[q + d];
                        }
                    }
                }
        return dqkv;
    }
}
