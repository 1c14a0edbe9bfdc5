namespace ScaleSim.Training.Tasks;

/// <summary>The order in which the addition task writes the digits of every number, operands and answer alike.</summary>
public enum DigitOrder
{
    /// <summary>Least-significant digit first: answer digit i depends only on operand digits i and i − 1 and the digit just written.</summary>
    Lsb,

    /// <summary>Most-significant digit first, as people write: the first answer digit depends on the whole carry chain.</summary>
    Msb,
}
