package id.pantau.storage.motion;

/** A bounding box of a moving object in picture coordinates 0..1: left, top, width, height. */
public record Box(double x, double y, double w, double h) {

    public double area() {
        return w * h;
    }
}
