return ScaleSim.Cli.ScaleSimApp.Run(args, Console.Out, Console.Error);
