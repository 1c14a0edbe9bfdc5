using MathNet.Numerics.LinearAlgebra;

namespace ScaleSim.Tasks.Curves;

/// <summary>
/// Weighted linear least squares for the linear coefficients of a form at fixed nonlinear coordinates (how the starts
/// are made: a grid over the nonlinear coordinates, the amplitudes solved exactly at each grid point).
/// </summary>
internal static class WeightedLeastSquares
{
    /// <summary>Coefficients β minimising Σ w_i (y_i − Σ_j β_j basis_j(i))², or null when the basis is degenerate.</summary>
    public static double[]? Solve(IReadOnlyList<double[]> basis, double[] y, double[] weights)
    {
        int n = y.Length, p = basis.Count;
        if (n < p) return null;
        var a = Matrix<double>.Build.Dense(n, p, (i, j) => Math.Sqrt(weights[i]) * basis[j][i]);
        var b = Vector<double>.Build.Dense(n, i => Math.Sqrt(weights[i]) * y[i]);
        if (a.Enumerate().Any(v => !double.IsFinite(v))) return null;
        var qr = a.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        if (!qr.IsFullRank) return null;
        var beta = qr.Solve(b).ToArray();
        return beta.All(double.IsFinite) ? beta : null;
    }
}
