// The sandbox page: one window per group the bot is in, plus a 1:1 chat with the app per person.
// It only talks to the sandbox backend, which plays WeCom towards the bot over HTTP.
const chatsElement = document.getElementById('chats');
const template = document.getElementById('chat-template');
const seen = {};

async function json(url, options) {
  const response = await fetch(url, options);
  if (!response.ok && response.status !== 204) throw new Error(url + ' ' + response.status);
  return response.status === 204 ? null : response.json();
}

function line(entry) {
  const div = document.createElement('div');
  div.className = 'line ' + entry.author.toLowerCase();
  const from = document.createElement('div');
  from.className = 'from';
  from.textContent = entry.from;
  const bubble = document.createElement('div');
  bubble.className = 'bubble';
  if (entry.image) {
    const img = document.createElement('img');
    img.src = 'data:image/png;base64,' + entry.image;
    img.alt = '结果图';
    bubble.appendChild(img);
  } else {
    bubble.textContent = entry.text;
  }
  div.append(from, bubble);
  if (entry.link) {
    const link = document.createElement('a');
    link.className = 'notice-link';
    link.href = entry.link;
    link.target = '_blank';
    link.textContent = '打开链接（居民页面）';
    div.appendChild(link);
  }
  if (entry.buttons && entry.buttons.length) {
    const row = document.createElement('div');
    row.className = 'card-buttons';
    for (const button of entry.buttons) {
      const element = document.createElement('button');
      element.type = 'button';
      element.className = 'card-button';
      element.textContent = button.text;
      element.dataset.key = button.key;
      element.addEventListener('click', async () => {
        row.querySelectorAll('button').forEach(b => b.disabled = true);
        const userid = entry.chat.substring('user:'.length);
        await json('/sandbox/api/people/' + encodeURIComponent(userid) + '/click', {
          method: 'POST', headers: {'Content-Type': 'application/json'},
          body: JSON.stringify({name: userid, taskId: entry.taskId, key: button.key, text: button.text})
        });
      });
      row.appendChild(element);
    }
    div.appendChild(row);
  }
  return div;
}

async function refresh(chat, lines) {
  const entries = await json('/sandbox/api/chats?chat=' + encodeURIComponent(chat) + '&after=' + (seen[chat] || 0));
  for (const entry of entries) {
    lines.appendChild(line(entry));
    seen[chat] = entry.seq;
  }
  if (entries.length) lines.scrollTop = lines.scrollHeight;
}

function speakerOption(person) {
  const option = document.createElement('option');
  option.value = person.userid;
  option.dataset.name = person.name;
  option.textContent = person.name + (person.staff ? '（工作人员）' : '') + (person.units ? ' ' + person.units : '');
  return option;
}

function addChat(title, chat, people, send) {
  const node = template.content.firstElementChild.cloneNode(true);
  node.dataset.chat = chat;
  node.querySelector('h2').textContent = title;
  const select = node.querySelector('.speaker');
  people.forEach(person => select.appendChild(speakerOption(person)));
  const lines = node.querySelector('.lines');
  const input = node.querySelector('.text');
  node.querySelector('.say').addEventListener('submit', async event => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const chosen = select.selectedOptions[0];
    input.value = '';
    await send(chosen.value, chosen.dataset.name, text);
    await refresh(node.dataset.chat, lines);
  });
  node.querySelector('.redeliver').addEventListener('click', async () => {
    await json('/sandbox/api/redeliver?chat=' + encodeURIComponent(node.dataset.chat), {method: 'POST'});
    await refresh(node.dataset.chat, lines);
  });
  chatsElement.appendChild(node);
  // The chat a window shows can change (the 1:1 window follows its speaker), so read it on every refresh.
  setInterval(() => refresh(node.dataset.chat, lines).catch(() => {}), 1000);
  return node;
}

async function start() {
  const groups = await json('/sandbox/api/groups');
  const newcomer = await json('/sandbox/api/new-person');
  const everyone = new Map();
  for (const group of groups) {
    const people = group.people.concat([{userid: newcomer.userid, name: '新住户（未绑定）', units: '', staff: false}]);
    people.forEach(person => everyone.set(person.userid, person));
    addChat(group.name + '（群）', 'group:' + group.id, people, (userid, name, text) =>
      json('/sandbox/api/groups/' + group.id + '/say', {
        method: 'POST', headers: {'Content-Type': 'application/json'},
        body: JSON.stringify({userid, name, text})
      }));
  }
  const privateChat = addChat('与云协商私聊（应用消息）', 'private', [...everyone.values()], (userid, name, text) =>
    json('/sandbox/api/people/' + encodeURIComponent(userid) + '/say', {
      method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({userid, name, text})
    }));
  follow(privateChat, 'user:');
  const weChatUsers = await json('/sandbox/api/wechat-users');
  const newcomerOpenid = 'sandbox-openid-' + newcomer.userid;
  const weChat = addChat('微信（公众号，私聊与通知）', 'wechat',
    weChatUsers.concat([{userid: newcomerOpenid, name: '新的微信用户', units: '', staff: false}]),
    (openid, name, text) => json('/sandbox/api/wechat/' + encodeURIComponent(openid) + '/say', {
      method: 'POST', headers: {'Content-Type': 'application/json'}, body: JSON.stringify({userid: openid, name, text})
    }));
  weChat.classList.add('wechat');
  follow(weChat, 'wx:');
}

// A person's window shows the chat of whoever is chosen as speaker.
function follow(window, prefix) {
  const select = window.querySelector('.speaker');
  const lines = window.querySelector('.lines');
  const show = () => { window.dataset.chat = prefix + select.value; lines.innerHTML = ''; seen[window.dataset.chat] = 0; };
  select.addEventListener('change', show);
  show();
}

start();
