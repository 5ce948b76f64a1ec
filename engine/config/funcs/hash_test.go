package funcs

import (
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/base64"
	"encoding/pem"
	"strings"
	"testing"

	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

func TestHashes(t *testing.T) {
	unknownStr := cty.UnknownVal(cty.String).RefineNotNull()
	runCases(t, []evalCase{
		{name: "md5", expr: `md5("hello world")`, want: str("5eb63bbbe01eeed093cb22bb8f5acdc3")},
		{name: "sha1", expr: `sha1("hello world")`, want: str("2aae6c35c94fcfb415dbe95f408b9ce91ee846ed")},
		{name: "sha256", expr: `sha256("hello world")`, want: str("b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9")},
		{name: "sha512", expr: `sha512("hello world")`, want: str("309ecc489c12d6eb4cc40f50c902f2b4d0ed77ee511a7c7a9bcd3ca86d4cd86f989dd35bc5ff499670da34255b45b0cfd830e81f605dcf7dc5542e93ae9cd76f")},
		{name: "base64sha256", expr: `base64sha256("hello world")`, want: str("uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=")},
		{name: "base64sha512", expr: `base64sha512("hello world")`, want: str("MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==")},
		{name: "hash of sensitive", expr: `md5(secret)`, want: str("2ab96390c7dbe3439de74d0c9b0b1767").Mark(Sensitive)},
		{name: "hash of unknown", expr: `sha256(u_str)`, want: unknownStr},
		{name: "uuid is unknown", expr: `uuid()`, want: unknownStr},
		{name: "bcrypt is unknown", expr: `bcrypt("hello world")`, want: unknownStr},
		{name: "bcrypt cost", expr: `bcrypt("hello world", 12)`, want: unknownStr},
		{name: "bcrypt cost too low", expr: `bcrypt("hello world", 3)`, err: "the cost must be a whole number from 4 to 31"},
		{name: "bcrypt too many", expr: `bcrypt("a", 5, 6)`, err: "bcrypt takes one or two arguments"},
		{name: "uuidv5 dns", expr: `uuidv5("dns", "www.terraform.io")`, want: str("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{name: "uuidv5 url", expr: `uuidv5("url", "https://www.terraform.io/")`, want: str("9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5")},
		{name: "uuidv5 oid", expr: `uuidv5("oid", "1.3.6.1.4")`, want: str("af9d40a5-7a36-5c07-b23a-851cd99fbfa5")},
		{name: "uuidv5 x500", expr: `uuidv5("x500", "CN=Example,C=GB")`, want: str("84e09961-4aa4-57f8-95b7-03edb1073253")},
		{name: "uuidv5 namespace id", expr: `uuidv5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.terraform.io")`, want: str("a5008fae-b28c-5ba5-96cd-82b4c53552d6")},
		{name: "uuidv5 bad namespace", expr: `uuidv5("tada", "x")`, err: "uuidv5() doesn't support namespace tada"},
	})
}

func TestRSADecrypt(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	ct, err := rsa.EncryptPKCS1v15(rand.Reader, &key.PublicKey, []byte("s3cr3t"))
	if err != nil {
		t.Fatal(err)
	}
	pkcs8, err := x509.MarshalPKCS8PrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	pkcs1 := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})
	b64 := base64.StdEncoding.EncodeToString(ct)
	tests := []struct {
		name, ciphertext, key, want, err string
	}{
		{name: "pkcs1", ciphertext: b64, key: string(pkcs1), want: "s3cr3t"},
		{name: "pkcs8", ciphertext: b64, key: string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})), want: "s3cr3t"},
		{name: "not base64", ciphertext: "%%%", key: string(pkcs1), err: "cipher text must be base64-encoded"},
		{name: "not pem", ciphertext: b64, key: "nope", err: "no PEM block found"},
		{name: "not a key", ciphertext: b64, key: string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: []byte("x")})), err: "want an RSA private key"},
		{name: "wrong ciphertext", ciphertext: base64.StdEncoding.EncodeToString([]byte("short")), key: string(pkcs1), err: "failed to decrypt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := rsaDecryptFunc.Call([]cty.Value{str(tt.ciphertext), str(tt.key)})
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error = %v, want one containing %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.AsString() != tt.want {
				t.Errorf("rsadecrypt = %q, want %q", got.AsString(), tt.want)
			}
		})
	}
	var _ function.Function = rsaDecryptFunc
}
