package org.yunxie.bot.channel.mp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import me.chanjar.weixin.common.util.crypto.SHA1;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yunxie.bot.channel.Answers;
import org.yunxie.bot.channel.CallbackCrypto;
import org.yunxie.bot.channel.CallbackRefused;

/**
 * The official account's callback, {@code /wechat/mp}: URL verification, and 1:1 messages in plain or safe
 * (encrypted) mode, signed with the account's Token; in safe mode the message must be sealed for our app id.
 * A message is recorded before it is answered, and answered passively in the same response.
 */
@RestController
@RequestMapping("/wechat/mp")
class MpCallbackController {

    private static final Pattern ENCRYPT = Pattern.compile("<Encrypt><!\\[CDATA\\[(.*?)]]></Encrypt>", Pattern.DOTALL);
    private static final int MAX_BODY_CHARS = 64 * 1024;

    private final MpSettings settings;
    private final Optional<CallbackCrypto> crypto;
    private final MpMessages messages;

    MpCallbackController(MpSettings settings, MpMessages messages, Clock clock) {
        this.settings = settings;
        this.crypto = settings.appId().isEmpty() ? Optional.empty()
                : CallbackCrypto.of(settings.token(), settings.aesKey(), settings.appId(), clock);
        this.messages = messages;
    }

    @GetMapping
    ResponseEntity<String> verifyUrl(@RequestParam(required = false) String signature,
                                     @RequestParam(required = false) String timestamp,
                                     @RequestParam(required = false) String nonce,
                                     @RequestParam(required = false) String echostr) {
        checkPlainSignature(signature, timestamp, nonce);
        return Answers.plain(echostr == null ? "" : echostr);
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestParam(required = false) String signature,
                                   @RequestParam(required = false) String timestamp,
                                   @RequestParam(required = false) String nonce,
                                   @RequestParam(name = "encrypt_type", required = false) String encryptType,
                                   @RequestParam(name = "msg_signature", required = false) String msgSignature,
                                   @RequestBody(required = false) String body) {
        if (body == null || body.isBlank() || body.length() > MAX_BODY_CHARS) {
            throw CallbackRefused.badRequest("no message");
        }
        boolean safeMode = "aes".equalsIgnoreCase(encryptType);
        String xml;
        if (safeMode) {
            Matcher encrypted = ENCRYPT.matcher(body);
            CallbackCrypto sealed = crypto.orElseThrow(() -> CallbackRefused.notConfigured("official account"));
            xml = sealed.open(msgSignature, timestamp, nonce, encrypted.find() ? encrypted.group(1) : "");
        } else {
            checkPlainSignature(signature, timestamp, nonce);
            xml = body;
        }
        WxMpXmlMessage message;
        try {
            message = WxMpXmlMessage.fromXml(xml);
        } catch (RuntimeException e) {
            throw CallbackRefused.badRequest("not a WeChat message");
        }
        String reply = messages.answer(message, xml);
        if (reply.isEmpty()) {
            return Answers.plain("success");
        }
        String out = MpMessages.textReply(message, reply);
        return Answers.xml(safeMode ? crypto.orElseThrow().sealXml(out, nonce) : out);
    }

    private void checkPlainSignature(String signature, String timestamp, String nonce) {
        if (settings.token().isEmpty()) {
            throw CallbackRefused.notConfigured("official account");
        }
        if (signature == null || timestamp == null || nonce == null || !MessageDigest.isEqual(
                SHA1.gen(settings.token(), timestamp, nonce).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII))) {
            throw CallbackRefused.forbidden("bad signature");
        }
    }

    @ExceptionHandler(CallbackRefused.class)
    ResponseEntity<String> refused(CallbackRefused refused) {
        return Answers.refusal(refused);
    }
}
