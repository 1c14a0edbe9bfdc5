using System.Text;

namespace ScaleSim.Runs;

/// <summary>
/// Splits CSV or TSV text into records (RFC 4180 quoting: fields may be quoted, quotes doubled inside quotes).
/// Each record remembers the line it starts on, so errors can name it.
/// </summary>
internal static class DelimitedText
{
    public static List<(int Line, string[] Fields)> Parse(string text, char separator, string file)
    {
        var records = new List<(int, string[])>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool inQuotes = false, fieldStarted = false, anyContent = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append(c);
                }
                continue;
            }
            if (c == '"' && !fieldStarted) { inQuotes = true; fieldStarted = true; anyContent = true; }
            else if (c == separator) { fields.Add(field.ToString()); field.Clear(); fieldStarted = false; anyContent = true; }
            else if (c == '\n' || c == '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                EndRecord();
                line++;
                recordLine = line;
            }
            else { field.Append(c); fieldStarted = true; anyContent = true; }
        }
        if (inQuotes) throw new InputException($"{file} line {recordLine}: unterminated quoted field");
        EndRecord();
        return records;

        void EndRecord()
        {
            if (anyContent || field.Length > 0)
            {
                fields.Add(field.ToString());
                records.Add((recordLine, fields.ToArray()));
            }
            fields.Clear();
            field.Clear();
            fieldStarted = false;
            anyContent = false;
        }
    }
}
