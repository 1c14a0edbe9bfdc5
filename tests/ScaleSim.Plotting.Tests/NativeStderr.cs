using System.Runtime.InteropServices;

namespace ScaleSim.Plotting.Tests;

/// <summary>
/// Captures what native code (SkiaSharp's C++ side) writes to the process's stderr, which
/// <see cref="Console.SetError"/> cannot see: file descriptor 2 is pointed at a temporary file for the
/// duration of an action. Linux only; callers must keep other tests from running at the same time
/// (see <see cref="NativeStderrCollection"/>), since the descriptor belongs to the whole process.
/// </summary>
internal static class NativeStderr
{
    private const int StandardError = 2;

    public static string Capture(Action action)
    {
        string path = Path.GetTempFileName();
        try
        {
            using (FileStream file = File.Open(path, FileMode.Truncate, FileAccess.Write))
            {
                int saved = Check(Dup(StandardError));
                try
                {
                    Check(Dup2((int)file.SafeFileHandle.DangerousGetHandle(), StandardError));
                    action();
                }
                finally
                {
                    Check(Dup2(saved, StandardError));
                    Check(Close(saved));
                }
            }
            return File.ReadAllText(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int Check(int result) =>
        result >= 0 ? result : throw new InvalidOperationException($"libc call failed with errno {Marshal.GetLastPInvokeError()}.");

    [DllImport("libc", EntryPoint = "dup", SetLastError = true)]
    private static extern int Dup(int fd);

    [DllImport("libc", EntryPoint = "dup2", SetLastError = true)]
    private static extern int Dup2(int oldFd, int newFd);

    [DllImport("libc", EntryPoint = "close", SetLastError = true)]
    private static extern int Close(int fd);
}
