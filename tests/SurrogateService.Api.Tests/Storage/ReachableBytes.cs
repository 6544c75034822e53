using System.Reflection;

namespace SurrogateService.Api.Tests.Storage;

/// <summary>
/// The bytes of everything an object keeps reachable through its instance fields: arrays by their length,
/// strings by their characters, other objects by a pointer-sized word per field. Each object once, however
/// many references lead to it. Runtime metadata (types, members, delegates) is shared by the process, not
/// held by the object, and is left out.
/// </summary>
internal static class ReachableBytes
{
    public static long Of(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var pending = new Stack<object>();
        pending.Push(root);
        long total = 0;
        while (pending.TryPop(out var item))
        {
            if (item is MemberInfo or Delegate or Assembly || !seen.Add(item))
                continue;
            total += item switch
            {
                string text => 2L * text.Length,
                Array array => OfArray(array, pending),
                _ => OfFields(item, pending),
            };
        }
        return total;
    }

    private static long OfArray(Array array, Stack<object> pending)
    {
        if (array.GetType().GetElementType()!.IsPrimitive)
            return Buffer.ByteLength(array);
        foreach (var element in array)
        {
            if (element is not null)
                pending.Push(element);
        }
        return array.LongLength * IntPtr.Size;
    }

    private static long OfFields(object item, Stack<object> pending)
    {
        long bytes = 0;
        for (var type = item.GetType(); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                bytes += IntPtr.Size;
                if (field.FieldType.IsPrimitive || field.FieldType.IsEnum || field.FieldType.IsPointer)
                    continue;
                // A struct field comes back boxed: a copy whose own fields are walked like an object's.
                if (field.GetValue(item) is { } value)
                    pending.Push(value);
            }
        }
        return bytes;
    }
}
