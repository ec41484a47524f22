/**
 * Passwords guessed first: the most common passwords of public breach
 * corpora (and those common in Chinese-speaking breaches), the ones of 8 or
 * more characters, since shorter ones fail the length rule anyway. Bounded on
 * purpose: a short list in the code, no download, compared in lower case.
 */
const LIST = `
12345678 123456789 1234567890 12345678910 123123123 123456123 1234512345 11111111 111111111 1111111111
00000000 000000000 0000000000 88888888 888888888 66666666 666666666 99999999 22222222 55555555
12341234 11223344 112233445566 12121212 123321123 1234554321 147258369 159357456 741852963 987654321
9876543210 13141314 13145200 5201314520 52013145 1314520520 woaini1314 woaini520 iloveyou1 iloveyou2
password password1 password12 password123 password1234 password! passw0rd p@ssword p@ssw0rd pa55word
qwertyui qwertyuiop qwerty123 qwerty1234 qwerty12 qwer1234 1qaz2wsx 1qaz2wsx3edc zaq12wsx zxcvbnm1
asdfghjk asdfghjkl asdf1234 zxcvbnm123 1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y q1w2e3r4 q1w2e3r4t5 abcd1234
abc12345 abc123456 abcdefgh a1234567 a12345678 a123456789 aa123456 aa12345678 a1b2c3d4 a1s2d3f4
iloveyou sunshine1 princess1 football1 baseball1 welcome1 welcome123 letmein1 trustno1 monkey123
dragon123 master123 shadow123 superman1 batman123 michael1 jennifer1 jordan23 charlie1 starwars1
computer internet whatever sunshine princess football baseball basketball starwars superman
michelle jennifer jonathan christian elephant midnight liverpool chelsea1 arsenal1 barcelona
welcome! admin123 admin1234 administrator adminadmin root1234 test1234 test12345 testtest guest123
changeme changeme1 default1 secret123 letmein! iloveu123 loveyou1 lovelove 1234qwer qweasdzxc
qweasd123 qazwsxedc qazwsx123 zxcasdqwe asdasdasd qweqweqwe zxczxczxc asdqwe123 123qweasd 123qwe123
qq123456 qq5201314 wang1234 zhang123 li123456 liu123456 chen1234 woaini123 wodemima mima1234
aini1314 5201314a a5201314 zhangwei wangjing wangyang liuyang123 xiaoming 123456aa 123456abc
123456qq 123456789a 12345678a 123456789q 1234567a 1234567q 123abc456 abc123abc passwordpassword
hotline1 hotline123 complaint complaints service123 huawei123 kefu1234 kefu123456 callcenter
demo1234 demo12345 demodemo user1234 user12345 login123 hello123 hello1234 helloworld welcome2024
welcome2025 welcome2026 spring2024 summer2024 autumn2024 winter2024 password2024 password2025 password2026
p@ssw0rd1 p@ssw0rd! pass1234 pass12345 passpass mypassword mypass123 secret12 nopassword password01
iloveyou! 1234abcd 12345abc 123456ab 987654321a zxcvbnm, 1qazxsw2 2wsx3edc 3edc4rfv !qaz2wsx
1qaz!qaz 1qaz@wsx qwe123456 qwe12345 asd123456 asd12345 zxc123456 zxc12345 abcabc123 aaaaaaaa
aaaaaaaaa abcabcabc 123456789abc q1w2e3r4t5y6 1a2b3c4d 11111111a 88888888a asdfasdf zxcvzxcv
qwerqwer 7758521a 77585210 7758258a 147852369 963852741 789456123 456789123 1472583690 3.1415926
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));

/** Why a password may not be used, or null when it may: the common-password and same-as-username rules. */
export function passwordProblem(password: string, username?: string): string | null {
  const lower = password.normalize('NFC').toLowerCase();
  if (username !== undefined && lower === username.normalize('NFC').toLowerCase()) return 'must not be the username';
  if (COMMON_PASSWORDS.has(lower)) return 'is one of the most common passwords: choose another';
  return null;
}
