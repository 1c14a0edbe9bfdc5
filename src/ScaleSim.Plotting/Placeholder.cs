namespace ScaleSim.Plotting; /// <summary>x</summary>
public static class Placeholder { }
