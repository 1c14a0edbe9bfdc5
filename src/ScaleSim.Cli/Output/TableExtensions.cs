using Spectre.Console;

namespace ScaleSim.Cli.Output;

/// <summary>Table rows of plain text: Spectre parses strings as markup, and intervals like [1.77, 1.87] are not markup.</summary>
internal static class TableExtensions
{
    public static Table AddPlainRow(this Table table, params string[] cells) =>
        table.AddRow(cells.Select(c => (Spectre.Console.Rendering.IRenderable)new Text(c)).ToArray());

    public static Table PlainTitle(this Table table, string title) => table.Title(Markup.Escape(title));
}
