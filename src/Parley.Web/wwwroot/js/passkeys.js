// Passkeys: fetch options from Parley, let the browser create or use the credential, post it back with the form.
(() => {
  'use strict';
  const supported = window.PublicKeyCredential && PublicKeyCredential.parseCreationOptionsFromJSON;
  for (const form of document.querySelectorAll('[data-passkey-create], [data-passkey-signin]')) {
    const message = form.querySelector('[data-passkey-message]');
    const creating = form.hasAttribute('data-passkey-create');
    if (!supported) {
      message.textContent = 'This browser cannot use passkeys.';
      form.querySelector('button').disabled = true;
      continue;
    }
    form.addEventListener('submit', async (event) => {
      if (form.elements.credential.value) return;
      event.preventDefault();
      message.textContent = creating ? 'Follow your device\u2019s prompt to create the passkey\u2026' : 'Follow your device\u2019s prompt\u2026';
      try {
        const token = form.querySelector('input[name="__parley_af"]').value;
        const response = await fetch(form.dataset.options, { method: 'POST', body: new URLSearchParams({ __parley_af: token }), credentials: 'same-origin' });
        if (!response.ok) throw new Error('options ' + response.status);
        const options = await response.json();
        const credential = creating
          ? await navigator.credentials.create({ publicKey: PublicKeyCredential.parseCreationOptionsFromJSON(options) })
          : await navigator.credentials.get({ publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options) });
        form.elements.credential.value = JSON.stringify(credential);
        form.submit();
      } catch (error) {
        message.textContent = error && error.name === 'NotAllowedError'
          ? 'No passkey was used: it was cancelled or timed out.'
          : 'The passkey did not work. Try again, or choose another way.';
      }
    });
  }
})();
