package org.yunxie.bot.posting;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.cp.api.WxCpService;
import me.chanjar.weixin.cp.bean.message.WxCpAppChatMessage;
import org.springframework.stereotype.Component;
import org.yunxie.core.group.ChatGroup;

/**
 * Posts into a group the app created (app chat, internal members) through {@code appchat/send}; a picture
 * is uploaded as temporary media first. Each app may post 200 messages a minute.
 */
@Component
class AppChat implements GroupPoster {

    private final WxCpService wecom;

    AppChat(WxCpService wecom) {
        this.wecom = wecom;
    }

    @Override
    public int perMinute() {
        return 200;
    }

    @Override
    public int textBytes() {
        return 2048;
    }

    @Override
    public void text(ChatGroup group, String text) {
        send(WxCpAppChatMessage.buildTextMsg(group.wecomChatId(), text, false));
    }

    @Override
    public void image(ChatGroup group, byte[] png) {
        try {
            String media = wecom.getMediaService().upload("image", "png", new ByteArrayInputStream(png)).getMediaId();
            send(WxCpAppChatMessage.builder().msgType("image").chatId(group.wecomChatId()).mediaId(media)
                    .safe(false).build());
        } catch (WxErrorException e) {
            throw refused(e);
        } catch (IOException e) {
            throw new IllegalStateException("could not upload the outcome chart", e);
        }
    }

    private void send(WxCpAppChatMessage message) {
        try {
            wecom.getChatService().sendMsg(message);
        } catch (WxErrorException e) {
            throw refused(e);
        }
    }

    private static Refused refused(WxErrorException e) {
        int code = e.getError().getErrorCode();
        return new Refused("app chat refused: " + code + " " + e.getError().getErrorMsg(), code == 45009);
    }
}
