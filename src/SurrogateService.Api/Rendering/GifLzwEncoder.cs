using System.Buffers;

namespace SurrogateService.Api.Rendering;

/// <summary>
/// The variable-width LZW coding of GIF image data for 8-bit indices: codes start at 9 bits, widen
/// as the table grows, a clear code restarts the table when it reaches 4096 entries, and the
/// bytes go out least-significant bit first in sub-blocks of at most 255 bytes.
/// </summary>
internal sealed class GifLzwEncoder
{
    public const int MinimumCodeSize = 8;
    private const int ClearCode = 1 << MinimumCodeSize;
    private const int EndCode = ClearCode + 1;
    private const int MaxCodes = 4096;
    private const int MaxCodeSize = 12;

    // Open-addressing table from (prefix code, next index) to code; 8192 slots for ≤ 4096 entries.
    private const int TableSize = 8192;
    private readonly int[] _keys = new int[TableSize];
    private readonly short[] _codes = new short[TableSize];

    private readonly byte[] _block = new byte[256];
    private int _blockLength;
    private int _bitBuffer;
    private int _bitCount;
    private int _codeSize;
    private int _nextCode;

    /// <summary>Writes the minimum code size, the data sub-blocks and the block terminator.</summary>
    public void Encode(ReadOnlySpan<byte> indices, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (indices.IsEmpty)
            throw new ArgumentException("An image has at least one pixel.", nameof(indices));
        _blockLength = _bitBuffer = _bitCount = 0;
        Put(output, MinimumCodeSize);

        ResetTable();
        _codeSize = MinimumCodeSize + 1;
        Emit(ClearCode, output);
        int prefix = indices[0];
        for (int p = 1; p < indices.Length; p++)
        {
            byte next = indices[p];
            int key = (prefix << 8) | next;
            int slot = Find(key);
            if (_keys[slot] == key + 1)
            {
                prefix = _codes[slot];
                continue;
            }
            EmitAndWiden(prefix, output);
            if (_nextCode < MaxCodes)
            {
                _keys[slot] = key + 1;
                _codes[slot] = (short)_nextCode++;
            }
            else
            {
                Emit(ClearCode, output);
                ResetTable();
                _codeSize = MinimumCodeSize + 1;
            }
            prefix = next;
        }
        EmitAndWiden(prefix, output);
        Emit(EndCode, output);

        if (_bitCount > 0)
            AppendByte((byte)_bitBuffer, output);
        FlushBlock(output);
        Put(output, 0);
    }

    private void ResetTable()
    {
        Array.Clear(_keys);
        _nextCode = EndCode + 1;
    }

    /// <summary>The slot holding key, or the empty slot where it belongs (keys are stored plus one, 0 is empty).</summary>
    private int Find(int key)
    {
        int slot = (int)((uint)(key * -1640531535) >> 19);
        while (_keys[slot] != 0 && _keys[slot] != key + 1)
            slot = (slot + 1) & (TableSize - 1);
        return slot;
    }

    /// <summary>
    /// A decoder adds a table entry one code later than the encoder, so it widens its codes when
    /// the entry count it has reached — the encoder's count before this code's entry — fills the width.
    /// </summary>
    private void EmitAndWiden(int code, IBufferWriter<byte> output)
    {
        Emit(code, output);
        if (_nextCode >= 1 << _codeSize && _codeSize < MaxCodeSize)
            _codeSize++;
    }

    private void Emit(int code, IBufferWriter<byte> output)
    {
        _bitBuffer |= code << _bitCount;
        _bitCount += _codeSize;
        while (_bitCount >= 8)
        {
            AppendByte((byte)_bitBuffer, output);
            _bitBuffer >>= 8;
            _bitCount -= 8;
        }
    }

    private void AppendByte(byte value, IBufferWriter<byte> output)
    {
        _block[1 + _blockLength++] = value;
        if (_blockLength == 255)
            FlushBlock(output);
    }

    private void FlushBlock(IBufferWriter<byte> output)
    {
        if (_blockLength == 0)
            return;
        _block[0] = (byte)_blockLength;
        output.Write(_block.AsSpan(0, _blockLength + 1));
        _blockLength = 0;
    }

    private static void Put(IBufferWriter<byte> output, byte value)
    {
        output.GetSpan(1)[0] = value;
        output.Advance(1);
    }
}
