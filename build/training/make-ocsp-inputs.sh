#!/bin/sh
# Makes the training inputs of the cached-revocation path (run by make-inputs.ts: $1 an empty work folder, $2 the
# folder written, build/training/, $3 the invoice to sign): a small openssl PKI whose signer certificate names an OCSP responder by its AIA
# (a .invalid name: never fetched, the training runs --offline), an invoice signed by it to .p7m (CAdES-BES), and
# that responder's answer for the signer (status good, signed by the CA, nextUpdate ten years on: after that the
# build fails loudly and this is run again, with make-inputs.ts), which
# the training puts in its private revocation cache before verifying: the verification then reaches the code that
# reads the embedded certificates and a cached OCSP answer, as a batch does.
set -eu
work=$1
out=$2
invoice=$3
cd "$work"
days=3650
cat > ca.cnf <<CNF
[req]
distinguished_name = dn
[dn]
[v3_ca]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
[v3_signer]
basicConstraints = critical,CA:false
keyUsage = critical,nonRepudiation
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
authorityInfoAccess = OCSP;URI:http://ocsp.sigillo-training.invalid/ocsp
CNF
openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -subj '/CN=Sigillo Training OCSP CA' \
  -days $days -config ca.cnf -extensions v3_ca -sha256 2>/dev/null
openssl req -new -newkey rsa:2048 -nodes -keyout signer.key -out signer.csr \
  -subj '/CN=Training Signer/serialNumber=TINIT-RSSMRA80A01H501U' -config ca.cnf 2>/dev/null
openssl x509 -req -in signer.csr -CA ca.pem -CAkey ca.key -set_serial 4097 -days $((days - 1)) -sha256 \
  -extfile ca.cnf -extensions v3_signer -out signer.pem 2>/dev/null
printf 'V\t%s\t\t1001\tunknown\t/CN=Training Signer\n' "$(openssl x509 -in signer.pem -noout -enddate |
  sed 's/notAfter=//' | xargs -I{} date -u -d '{}' +%y%m%d%H%M%SZ)" > index.txt
openssl ocsp -issuer ca.pem -cert signer.pem -no_nonce -reqout req.der
openssl ocsp -index index.txt -CA ca.pem -rsigner ca.pem -rkey ca.key -reqin req.der -respout resp.der \
  -ndays $((days - 2)) 2>/dev/null
openssl ocsp -respin resp.der -issuer ca.pem -cert signer.pem -CAfile ca.pem -no_nonce | grep -q ': good'
openssl cms -sign -cades -binary -nodetach -md sha256 -outform DER -signer signer.pem -inkey signer.key \
  -in "$invoice" -out signed.p7m
cp ca.pem "$out/ocsp-root.pem"
cp signer.pem "$out/ocsp-signer.pem"
cp signed.p7m "$out/ocsp-fattura.xml.p7m"
cp resp.der "$out/ocsp-fattura.ocsp.der"
