package org.yunxie.bot.channel.wecom;

import java.io.StringReader;
import java.time.Clock;
import java.util.Optional;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import me.chanjar.weixin.cp.bean.message.WxCpXmlMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.yunxie.bot.channel.Answers;
import org.yunxie.bot.channel.CallbackRefused;
import org.yunxie.bot.channel.CallbackCrypto;
import org.yunxie.bot.channel.Deliveries;
import org.yunxie.core.inbox.InboundMessage;
import org.yunxie.core.shared.Channel;

/**
 * The self-built app's callback (接收消息服务器). GET is WeCom's URL check: answer the bare decrypted echostr.
 * POST is a message or event: verified (signature, freshness, receive id = our CorpID), decrypted, stored in
 * the inbox once (retries share its MsgId), answered "success" at once - WeCom retries three times after
 * 5 s - and processed afterwards by {@link AppMessages}. Whatever is refused gets a non-success answer and
 * leaves nothing behind.
 */
@RestController
@RequestMapping("/wecom/callback")
class AppCallbackController {

    static final int MAX_BODY_CHARS = 64 * 1024;
    private static final Logger log = LoggerFactory.getLogger(AppCallbackController.class);

    private final Optional<CallbackCrypto> crypto;
    private final Deliveries deliveries;
    private final AppMessages messages;

    AppCallbackController(WecomSettings settings, Deliveries deliveries, AppMessages messages, Clock clock) {
        this.crypto = settings.corpId().isEmpty() ? Optional.empty()
                : CallbackCrypto.of(settings.token(), settings.aesKey(), settings.corpId(), clock);
        this.deliveries = deliveries;
        this.messages = messages;
        if (crypto.isEmpty()) {
            log.info("WeCom app callback /wecom/callback is off: yunxie.wecom.corp-id, token or aes-key not set");
        }
    }

    @GetMapping
    ResponseEntity<String> verifyUrl(@RequestParam(name = "msg_signature", required = false) String signature,
                     @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
                     @RequestParam(required = false) String echostr) {
        return Answers.plain(crypto().open(signature, timestamp, nonce, echostr));
    }

    @PostMapping
    ResponseEntity<String> receive(@RequestParam(name = "msg_signature", required = false) String signature,
                   @RequestParam(required = false) String timestamp, @RequestParam(required = false) String nonce,
                   @RequestBody(required = false) String body) {
        CallbackCrypto crypto = crypto();
        if (body == null || body.isBlank()) {
            throw CallbackRefused.badRequest("empty body");
        }
        if (body.length() > MAX_BODY_CHARS) {
            throw CallbackRefused.tooLarge();
        }
        String xml = crypto.open(signature, timestamp, nonce, encryptPart(body));
        WxCpXmlMessage message = AppMessages.parse(xml);
        String key = AppMessages.dedupeKey(message);
        Optional<InboundMessage> stored = deliveries.accept(Channel.WECOM_APP, key, message.getFromUserName(), null,
                xml);
        if (stored.isEmpty()) {
            log.debug("WeCom app delivery {} repeated, answered without processing", key);
            return Answers.plain("success");
        }
        log.debug("WeCom app {} received as inbox message {}", message.getMsgType(), stored.get().id());
        messages.processLater(stored.get());
        return Answers.plain("success");
    }

    @ExceptionHandler(CallbackRefused.class)
    ResponseEntity<String> refused(CallbackRefused refused) {
        log.warn("WeCom app callback refused ({}): {}", refused.status().value(), refused.getMessage());
        return Answers.refusal(refused);
    }

    private CallbackCrypto crypto() {
        return crypto.orElseThrow(() -> CallbackRefused.notConfigured("the WeCom app callback"));
    }

    /** The {@code <Encrypt>} of WeCom's envelope, read with no DTDs or external entities allowed. */
    static String encryptPart(String envelope) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setExpandEntityReferences(false);
            factory.setXIncludeAware(false);
            Document document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(envelope)));
            NodeList encrypt = document.getDocumentElement().getElementsByTagName("Encrypt");
            if (encrypt.getLength() != 1) {
                throw CallbackRefused.badRequest("no Encrypt element");
            }
            return encrypt.item(0).getTextContent().strip();
        } catch (CallbackRefused e) {
            throw e;
        } catch (Exception e) {
            throw CallbackRefused.badRequest("not an XML envelope");
        }
    }
}
