using System.Diagnostics;
using System.Text.Json;

namespace Wrapped.Core.Tests.Avro;

/// <summary>
/// Decodes Avro files with avsc (JavaScript), an implementation that shares no code with ours or Apache.Avro's:
/// if both agree with what we meant to write, the files are Avro and not just our dialect of it.
/// </summary>
internal static class AvscReader
{
    private const string Script = """
        const avsc = require(process.argv[2]);
        const out = {};
        avsc.createFileDecoder(process.argv[3])
          .on('metadata', (type, codec, header) => {
            out.codec = codec;
            out.writerSchema = JSON.parse(header.meta['avro.schema'].toString('utf8'));
            out.metaKeys = Object.keys(header.meta).sort();
            out.fingerprint = type.fingerprint('sha256').toString('hex');
            out.records = [];
          })
          .on('data', (record) => out.records.push(record))
          .on('end', () => process.stdout.write(JSON.stringify(out)))
          .on('error', (error) => { process.stderr.write(String(error && error.stack || error)); process.exit(3); });
        """;

    /// <summary>Runs node on one file; returns the codec, writer schema, avsc's fingerprint and the records.</summary>
    public static JsonElement Decode(string avroFile)
    {
        string root = RepositoryRoot();
        string avsc = Path.Combine(root, "node_modules", "avsc");
        if (!Directory.Exists(avsc))
        {
            throw new InvalidOperationException($"avsc is not installed under {root}: run `npm ci` in the repository root.");
        }
        string script = Path.Combine(Path.GetDirectoryName(avroFile)!, "decode.js");
        File.WriteAllText(script, Script);

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(avsc);
        start.ArgumentList.Add(avroFile);
        using Process node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        Task<string> stdout = node.StandardOutput.ReadToEndAsync();
        Task<string> stderr = node.StandardError.ReadToEndAsync();
        if (!node.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            node.Kill();
            throw new TimeoutException($"node did not decode {avroFile} within 60 s.");
        }
        if (node.ExitCode != 0)
        {
            throw new InvalidOperationException($"avsc could not decode {avroFile} (exit {node.ExitCode}): {stderr.Result}");
        }
        using JsonDocument document = JsonDocument.Parse(stdout.Result);
        return document.RootElement.Clone();
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No package.json above {AppContext.BaseDirectory}: cannot find the repository root.");
    }
}
