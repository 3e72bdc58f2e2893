// Carry the username typed on the sign-in page into the account creation form.
document.addEventListener("DOMContentLoaded", function () {
  var link = document.getElementById("create-account-link");
  var field = document.getElementById("id_username");
  if (!link || !field) {
    return;
  }
  link.addEventListener("click", function (event) {
    var name = field.value.trim();
    if (name) {
      event.preventDefault();
      window.location.href = link.getAttribute("href") + "?username=" + encodeURIComponent(name);
    }
  });
});
