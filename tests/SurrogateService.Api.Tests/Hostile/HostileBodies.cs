using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CsCheck;

namespace SurrogateService.Api.Tests.Hostile;

/// <summary>
/// Generates hostile request bodies from valid examples: fields replaced by wrong types, removed,
/// added; numbers spelt as NaN or Infinity or far out of range; deep nesting; huge arrays;
/// truncated text; odd Unicode. Every case is a (route, body) pair.
/// </summary>
public static class HostileBodies
{
    private static readonly string[] NumberSpellings =
        ["NaN", "-NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1e999", "-1e999", "1e-400", "-0", "0.0000000000000000000001",
         "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0",
         "2147483648", "-2147483649", "9223372036854775808", "1.5", "0", "-1", "1e308", "0x10", "01", "+1", ".5"];

    private static readonly string[] OddStrings =
        ["", " ", "\u0000", "\ud800", "\udfff", "💥🧪", "\u202Eevil", "A\u0301", new string('x', 10_000), "null", "[]", "{}", "SOBOL", "sobol ", "Ｓobol"];

    /// <summary>A hostile JSON value, as text (not always valid JSON on purpose).</summary>
    private static readonly Gen<string> Value = Gen.OneOf(
        Gen.Int[0, NumberSpellings.Length - 1].Select(i => NumberSpellings[i]),
        Gen.Int[0, OddStrings.Length - 1].Select(i => JsonValue.Create(OddStrings[i])!.ToJsonString()),
        Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "0"),
        Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture)),
        Gen.Const("true"), Gen.Const("null"), Gen.Const("{}"), Gen.Const("[]"), Gen.Const("[[]]"), Gen.Const("[null]"),
        Gen.Int[1, 3000].Select(depth => new string('[', depth) + new string(']', depth)),
        Gen.Int[1, 200].Select(depth => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)),
        Gen.Int[1, 60_000].Select(n => "[" + string.Join(',', Enumerable.Repeat("[0.5,0.5]", n)) + "]"),
        Gen.Int[1, 60_000].Select(n => "[" + string.Join(',', Enumerable.Repeat("1", n)) + "]"));

    /// <summary>(route index, body) pairs for the given example bodies.</summary>
    public static Gen<(int Route, string Body)> For(IReadOnlyList<string> examples) =>
        Gen.Select(Gen.Int[0, examples.Count - 1], Gen.Int[0, 6], Gen.Int[0, 10_000], Value, Gen.Int[0, 10_000])
            .Select(t => (t.Item1, Mutate(examples[t.Item1], t.Item2, t.Item3, t.Item4, t.Item5)));

    private static string Mutate(string example, int mutation, int pick, string value, int position)
    {
        var root = JsonNode.Parse(example)!;
        var slots = Slots(root).ToList();
        var (parent, key) = slots[pick % slots.Count];
        switch (mutation)
        {
            case 0: // a field or element gets a hostile value (spliced as text: it may be invalid JSON)
                return ReplaceAsText(root, parent, key, value);
            case 1: // a field goes missing
                if (parent is JsonObject removeFrom && key is string removed)
                    removeFrom.Remove(removed);
                return root.ToJsonString();
            case 2: // an extra field appears
                return ReplaceAsText(root, root, "extra" + pick, value);
            case 3: // the text is cut short
                string text = root.ToJsonString();
                return text[..(position % text.Length)];
            case 4: // the body is something else entirely
                return value;
            case 5: // the body is wrapped where an object is expected
                return "[" + root.ToJsonString() + "]";
            default: // bytes that are not UTF-8 text
                return Encoding.Latin1.GetString([0xFF, 0xFE, 0x7B, 0x22, 0xC3, 0x28, 0x22, 0x3A, 0x31, 0x7D]);
        }
    }

    /// <summary>Every (container, key or index) in the document: the places a value can be swapped.</summary>
    private static IEnumerable<(JsonNode Parent, object Key)> Slots(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var (name, child) in obj.ToList())
            {
                yield return (obj, name);
                if (child is not null)
                {
                    foreach (var slot in Slots(child))
                        yield return slot;
                }
            }
        }
        else if (node is JsonArray array)
        {
            for (int i = 0; i < array.Count; i++)
            {
                yield return (array, i);
                if (array[i] is JsonNode child)
                {
                    foreach (var slot in Slots(child))
                        yield return slot;
                }
            }
        }
        if (node.Parent is null)
            yield return (node, "extra");
    }

    private static string ReplaceAsText(JsonNode root, JsonNode parent, object key, string value)
    {
        const string marker = "\"__hostile_marker__\"";
        var placeholder = JsonValue.Create("__hostile_marker__");
        switch (parent, key)
        {
            case (JsonObject obj, string name):
                obj[name] = placeholder;
                break;
            case (JsonArray array, int index):
                array[index] = placeholder;
                break;
        }
        return root.ToJsonString().Replace(marker, value, StringComparison.Ordinal);
    }
}
