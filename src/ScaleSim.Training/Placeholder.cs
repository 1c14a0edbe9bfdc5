namespace ScaleSim.Training; /// <summary>x</summary>
public static class Placeholder { }
