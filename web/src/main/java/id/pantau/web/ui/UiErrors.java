package id.pantau.web.ui;

import id.pantau.storage.camera.InvalidCameraException;
import id.pantau.web.site.InvalidSiteException;
import id.pantau.web.user.InvalidUserException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** Invalid input that a page did not handle itself: a 400 page with the reason instead of a server error. */
@ControllerAdvice(annotations = Controller.class)
class UiErrors {

  @ExceptionHandler({InvalidCameraException.class, InvalidUserException.class, InvalidSiteException.class})
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String invalid(IllegalArgumentException e, Model model) {
    model.addAttribute("message", e.getMessage());
    return "bad-request";
  }
}
