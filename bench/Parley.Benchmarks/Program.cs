using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Parley.Benchmarks -- --filter '*'   (bench/micro.sh does this)
BenchmarkSwitcher.FromAssembly(typeof(Parley.Benchmarks.RenderingBenchmarks).Assembly).Run(args);
