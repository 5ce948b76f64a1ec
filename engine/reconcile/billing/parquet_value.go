package billing

import (
	"math/big"
	"strconv"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/deprecated"
	"github.com/parquet-go/parquet-go/format"
)

// Parquet values are turned into the text a CSV export holds, so that one
// mapping serves both: exact decimals, shortest round-trip doubles, and
// timestamps in RFC 3339.

// converter writes a column's values as the text a CSV export would hold.
func converter(t parquet.Type) func([]byte, parquet.Value) []byte {
	if lt := t.LogicalType(); lt != nil {
		switch x := lt.Value.(type) {
		case *format.DecimalType:
			scale := int(x.Scale)
			return func(dst []byte, v parquet.Value) []byte { return appendDecimal(dst, v, scale) }
		case *format.TimestampType:
			unit := time.Duration(1)
			switch x.Unit.Value.(type) {
			case *format.MilliSeconds:
				unit = time.Millisecond
			case *format.MicroSeconds:
				unit = time.Microsecond
			}
			return func(dst []byte, v parquet.Value) []byte {
				return appendTime(dst, time.Unix(0, 0).Add(time.Duration(v.Int64())*unit))
			}
		case *format.DateType:
			return func(dst []byte, v parquet.Value) []byte {
				return appendTime(dst, time.Unix(int64(v.Int32())*secondsPerDay, 0))
			}
		}
	}
	if ct := t.ConvertedType(); ct != nil {
		switch *ct {
		case deprecated.TimestampMillis:
			return func(dst []byte, v parquet.Value) []byte { return appendTime(dst, time.UnixMilli(v.Int64())) }
		case deprecated.TimestampMicros:
			return func(dst []byte, v parquet.Value) []byte { return appendTime(dst, time.UnixMicro(v.Int64())) }
		case deprecated.Date:
			return func(dst []byte, v parquet.Value) []byte {
				return appendTime(dst, time.Unix(int64(v.Int32())*secondsPerDay, 0))
			}
		}
	}
	return appendValue
}

func appendValue(dst []byte, v parquet.Value) []byte {
	switch v.Kind() {
	case parquet.Boolean:
		return strconv.AppendBool(dst, v.Boolean())
	case parquet.Int32:
		return strconv.AppendInt(dst, int64(v.Int32()), 10)
	case parquet.Int64:
		return strconv.AppendInt(dst, v.Int64(), 10)
	case parquet.Int96:
		// Impala timestamps: nanoseconds of the day, then the Julian day.
		i := v.Int96()
		nanos := int64(i[1])<<32 | int64(i[0])
		days := int64(i[2]) - julianUnixEpoch
		return appendTime(dst, time.Unix(days*secondsPerDay, nanos))
	case parquet.Float:
		return strconv.AppendFloat(dst, float64(v.Float()), 'f', -1, 32)
	case parquet.Double:
		// The shortest text that reads back as the same double: what the
		// writer of the export meant, not the binary fraction's expansion.
		return strconv.AppendFloat(dst, v.Double(), 'f', -1, 64)
	default:
		return append(dst, v.ByteArray()...)
	}
}

const julianUnixEpoch = 2440588

func appendTime(dst []byte, t time.Time) []byte {
	return t.UTC().AppendFormat(dst, time.RFC3339Nano)
}

// appendDecimal writes a DECIMAL value (int32, int64 or big-endian
// two's complement bytes) with its scale.
func appendDecimal(dst []byte, v parquet.Value, scale int) []byte {
	var digits string
	switch v.Kind() {
	case parquet.Int32:
		digits = strconv.FormatInt(int64(v.Int32()), 10)
	case parquet.Int64:
		digits = strconv.FormatInt(v.Int64(), 10)
	default:
		b := v.ByteArray()
		n := new(big.Int).SetBytes(b)
		if len(b) > 0 && b[0]&0x80 != 0 {
			n.Sub(n, new(big.Int).Lsh(big.NewInt(1), uint(8*len(b))))
		}
		digits = n.String()
	}
	neg := strings.HasPrefix(digits, "-")
	digits = strings.TrimPrefix(digits, "-")
	if neg {
		dst = append(dst, '-')
	}
	if scale <= 0 {
		dst = append(dst, digits...)
		for range -scale {
			dst = append(dst, '0')
		}
		return dst
	}
	if len(digits) <= scale {
		dst = append(dst, "0."...)
		for range scale - len(digits) {
			dst = append(dst, '0')
		}
		return append(dst, digits...)
	}
	dst = append(dst, digits[:len(digits)-scale]...)
	dst = append(dst, '.')
	return append(dst, digits[len(digits)-scale:]...)
}
