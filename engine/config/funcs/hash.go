package funcs

import (
	"crypto/md5"
	"crypto/rsa"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

type digest func([]byte) []byte

func md5Sum(b []byte) []byte    { s := md5.Sum(b); return s[:] }
func sha1Sum(b []byte) []byte   { s := sha1.Sum(b); return s[:] }
func sha256Sum(b []byte) []byte { s := sha256.Sum256(b); return s[:] }
func sha512Sum(b []byte) []byte { s := sha512.Sum512(b); return s[:] }

func hexText(b []byte) (string, error) { return hex.EncodeToString(b), nil }

// hashed makes a digest's text: hex for md5, base64 for base64sha256...
func hashed(sum digest, text func([]byte) (string, error)) func([]byte) (string, error) {
	return func(b []byte) (string, error) { return text(sum(b)) }
}

// hashFunc hashes a string's UTF-8 bytes.
func hashFunc(sum digest, text func([]byte) (string, error)) function.Function {
	h := hashed(sum, text)
	return stringFunc("str", func(s string) (string, error) { return h([]byte(s)) })
}

const (
	bcryptMinCost     = 4
	bcryptMaxCost     = 31
	bcryptDefaultCost = 10
)

// bcryptFunc checks its arguments as Terraform does, but the hash is
// salted at random: the result is unknown until apply.
var bcryptFunc = function.New(&function.Spec{
	Params: []function.Parameter{{Name: "str", Type: cty.String}},
	VarParam: &function.Parameter{
		Name: "cost",
		Type: cty.Number,
	},
	Type: func(args []cty.Value) (cty.Type, error) {
		if len(args) > 2 {
			return cty.NilType, fmt.Errorf("bcrypt takes one or two arguments, not %d", len(args))
		}
		return cty.String, nil
	},
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		if len(args) == 2 {
			cost, acc := args[1].AsBigFloat().Int64()
			if acc != 0 || cost < bcryptMinCost || cost > bcryptMaxCost {
				return cty.NilVal, function.NewArgErrorf(1, "the cost must be a whole number from %d to %d (default %d)", bcryptMinCost, bcryptMaxCost, bcryptDefaultCost)
			}
		}
		return cty.UnknownVal(cty.String), nil
	},
})

var uuidNamespaces = map[string]string{
	"dns":  "6ba7b810-9dad-11d1-80b4-00c04fd430c8",
	"url":  "6ba7b811-9dad-11d1-80b4-00c04fd430c8",
	"oid":  "6ba7b812-9dad-11d1-80b4-00c04fd430c8",
	"x500": "6ba7b814-9dad-11d1-80b4-00c04fd430c8",
}

// uuidV5Func is RFC 4122's name-based UUID (SHA-1): deterministic, so
// it is computed, unlike uuid().
var uuidV5Func = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "namespace", Type: cty.String},
		{Name: "name", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ns := args[0].AsString()
		if known, ok := uuidNamespaces[ns]; ok {
			ns = known
		}
		space, err := parseUUID(ns)
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "uuidv5() doesn't support namespace %s (%s)", args[0].AsString(), err)
		}
		h := sha1.New()
		h.Write(space)
		h.Write([]byte(args[1].AsString()))
		u := h.Sum(nil)[:16]
		u[6] = u[6]&0x0f | 0x50 // version 5
		u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
		x := hex.EncodeToString(u)
		return cty.StringVal(x[:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:]), nil
	},
})

func parseUUID(s string) ([]byte, error) {
	s = strings.TrimPrefix(strings.TrimSuffix(strings.TrimPrefix(s, "urn:uuid:"), "}"), "{")
	if len(s) != 36 || s[8] != '-' || s[13] != '-' || s[18] != '-' || s[23] != '-' {
		return nil, errors.New("not a UUID: want xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx, or dns, url, oid or x500")
	}
	return hex.DecodeString(strings.ReplaceAll(s, "-", ""))
}

// rsaDecryptFunc decrypts base64 PKCS #1 v1.5 ciphertext with a PEM RSA
// private key (PKCS #1 or PKCS #8).
var rsaDecryptFunc = function.New(&function.Spec{
	Params: []function.Parameter{
		{Name: "ciphertext", Type: cty.String},
		{Name: "privatekey", Type: cty.String},
	},
	Type:         function.StaticReturnType(cty.String),
	RefineResult: notNull,
	Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
		ct, err := base64.StdEncoding.DecodeString(args[0].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgErrorf(0, "failed to decode input: cipher text must be base64-encoded")
		}
		key, err := rsaKey(args[1].AsString())
		if err != nil {
			return cty.NilVal, function.NewArgError(1, err)
		}
		out, err := rsa.DecryptPKCS1v15(nil, key, ct)
		if err != nil {
			return cty.NilVal, fmt.Errorf("failed to decrypt: %w", err)
		}
		if !utf8.Valid(out) {
			return cty.NilVal, errors.New("the decrypted value is not valid UTF-8 text")
		}
		return cty.StringVal(string(out)), nil
	},
})

func rsaKey(s string) (*rsa.PrivateKey, error) {
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, errors.New("failed to parse key: no PEM block found")
	}
	if k, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return k, nil
	}
	k, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, errors.New("failed to parse key: want an RSA private key in PEM (PKCS #1 or PKCS #8)")
	}
	rk, ok := k.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("failed to parse key: %T is not an RSA key", k)
	}
	return rk, nil
}
